"""Errors the user can act on, as opposed to bugs."""


class UserError(Exception):
    """A problem the user can fix (bad file, locked output, invalid input); its message is translated."""

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message if not self.detail else f"{self.message}\n{self.detail}"


# What kind of problem a file has, for a message that says what to do about it (services.report_files.refusal_reason).
# Each is a UserError with the same message as before; the kind only adds what the message needs.


class DamagedFile(UserError):
    """A file whose bytes are not what it claims to be: a broken zip, unreadable XML, text that is not UTF-8.

    line: the line where reading stopped, when known.
    """

    def __init__(self, message: str, *, detail: str | None = None, line: int | None = None) -> None:
        super().__init__(message, detail=detail)
        self.line = line


class UnsafeFile(UserError):
    """A file refused because reading it could harm: a zip that unpacks far beyond its size, XML with entities.

    reason: what is unsafe about it, translated ("it unpacks to more than 48 MB").
    """

    def __init__(self, message: str, *, detail: str | None = None, reason: str = "") -> None:
        super().__init__(message, detail=detail)
        self.reason = reason


class NotAReportFile(UserError):
    """A readable file that is not a report file of this program (no "format": "tongket-report", or no Word text)."""


class MissingDataPart(UserError):
    """A .docx that does not carry the report's data part, so its figures cannot be read back."""


class NewerFormat(UserError):
    """A report file of a newer format version than this program reads; version: the file's."""

    def __init__(self, message: str, *, detail: str | None = None, version: int = 0) -> None:
        super().__init__(message, detail=detail)
        self.version = version


class FormatMismatch(UserError):
    """A report file whose data do not fit the format; paths: where, as JSON paths ("report", "year")."""

    def __init__(self, message: str, *, detail: str | None = None,
                 paths: list[tuple[str | int, ...]] | None = None) -> None:
        super().__init__(message, detail=detail)
        self.paths = paths or []


class ConnectionLost(UserError):
    """The database server could not be reached (stopped, restarting, network gone): nothing was written.

    The same action may succeed once the server answers again; the window keeps her edits and retries.
    """
