"""Errors the user can act on, as opposed to bugs."""


class UserError(Exception):
    """A problem the user can fix (bad file, locked output, invalid input); its message is translated."""

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message if not self.detail else f"{self.message}\n{self.detail}"
