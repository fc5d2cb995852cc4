"""The issuing organisation's profile: names for the header, numbering code, place, signer, recipients."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from app.i18n import N_


class OrgKind(enum.StrEnum):
    """Kind of Party organisation; it decides the subject of sentences and the statistics scope."""

    CHI_BO_CO_SO = "chi_bo_co_so"
    CHI_BO_TRUC_THUOC = "chi_bo_truc_thuoc"
    DANG_BO_CO_SO = "dang_bo_co_so"
    DANG_BO_BO_PHAN = "dang_bo_bo_phan"
    DANG_BO_CAP_TREN = "dang_bo_cap_tren"

    @property
    def is_chi_bo(self) -> bool:
        return self in (OrgKind.CHI_BO_CO_SO, OrgKind.CHI_BO_TRUC_THUOC)

    @property
    def has_sub_units(self) -> bool:
        """True when the body has chi bộ under it, so that statistics aggregate them."""
        return not self.is_chi_bo


ORG_KIND_LABELS: dict[OrgKind, str] = {
    OrgKind.CHI_BO_CO_SO: N_("Grassroots Party cell (chi bộ cơ sở)"),
    OrgKind.CHI_BO_TRUC_THUOC: N_("Subordinate Party cell (chi bộ trực thuộc)"),
    OrgKind.DANG_BO_CO_SO: N_("Grassroots Party committee (đảng bộ cơ sở)"),
    OrgKind.DANG_BO_BO_PHAN: N_("Divisional Party committee (đảng bộ bộ phận)"),
    OrgKind.DANG_BO_CAP_TREN: N_("Upper-level Party committee (đảng bộ cấp trên cơ sở)"),
}

# What a sentence calls the issuer ("Đảng ủy báo cáo …") and the body ("Đảng bộ có …").
SUBJECTS: dict[OrgKind, tuple[str, str]] = {
    OrgKind.CHI_BO_CO_SO: ("Chi bộ", "Chi bộ"),
    OrgKind.CHI_BO_TRUC_THUOC: ("Chi bộ", "Chi bộ"),
    OrgKind.DANG_BO_CO_SO: ("Đảng ủy", "Đảng bộ"),
    OrgKind.DANG_BO_BO_PHAN: ("Đảng ủy", "Đảng bộ"),
    OrgKind.DANG_BO_CAP_TREN: ("Ban Thường vụ", "Đảng bộ"),
}


@dataclass(slots=True)
class Signature:
    """The signature block: "T/M ĐẢNG ỦY" / "BÍ THƯ" / "Nguyễn Văn A"."""

    authority: str = "T/M ĐẢNG ỦY"
    position: str = "BÍ THƯ"
    name: str = ""


@dataclass(slots=True)
class Organisation:
    """Everything the header, numbering and signature need about the issuing body.

    upper_body: "ĐẢNG BỘ QUẬN 9" (the đảng bộ above, not its committee).
    issuer_name: "ĐẢNG ỦY CƠ QUAN ĐẢNG - ĐOÀN THỂ" as printed in the header.
    issuer_code: the code after the slash in "Số 25-BC/ĐU".
    place: the địa danh before the date, "Quận 9".
    short_name: how the body is named in running text, "Đảng bộ Cơ quan Đảng - Đoàn thể quận".
    preset: the document format it issues in (app.domain.presets.Preset value: "party", "state", …).
    reference_docx: path of the office's own copy of the reference .docx (its house style); "" for the built-in one.
    templates_dir: folder of .j2 files that override the built-in phrasing templates by name; "" for none.
    is_sample: the demo organisation the app stores when she opens the sample report; never one of hers.
    parent_id: the id of the stored organisation it belongs to (a chi bộ's đảng bộ), whose report consolidates
               its report; None for one that belongs to none stored. A database id like id: not kept on import.
    version: the stored profile's version when it was read (raised by each change); None when not from a database.
             A change based on an older version is refused. Not compared, not written to files.
    """

    name: str
    upper_body: str
    issuer_name: str
    kind: OrgKind = OrgKind.DANG_BO_CO_SO
    issuer_code: str = "ĐU"
    place: str = ""
    short_name: str = ""
    signature: Signature = field(default_factory=Signature)
    recipients: list[str] = field(default_factory=list)
    preset: str = "party"
    reference_docx: str = ""
    templates_dir: str = ""
    is_sample: bool = False
    parent_id: int | None = None
    id: int | None = None
    version: int | None = field(default=None, compare=False)

    @property
    def issuer_subject(self) -> str:
        """What a sentence calls the issuer: "Đảng ủy", "Chi bộ"; a body of another format by its own name."""
        return SUBJECTS[self.kind][0] if self._party_wording else self.short_name or self.name

    @property
    def body_subject(self) -> str:
        """What a sentence calls the organisation: "Đảng bộ", "Chi bộ"; a body of another format by its own name."""
        return SUBJECTS[self.kind][1] if self._party_wording else self.short_name or self.name

    @property
    def _party_wording(self) -> bool:
        # A state body, a Công đoàn or a Đoàn is not "Đảng ủy": it is called by the name in its profile.
        return self.preset == "party" or not (self.short_name or self.name)


def default_recipients(kind: OrgKind, upper_committee: str = "") -> list[str]:
    """The conventional Nơi nhận list of a kind of Party body (docs/conventions.md, section 8)."""
    if kind.is_chi_bo:
        return [f"- {upper_committee or 'Đảng ủy'} (để báo cáo),", "- Đảng viên trong chi bộ,", "- Lưu Chi bộ."]
    return [
        f"- Ban Thường vụ {upper_committee or 'cấp ủy cấp trên'} (để báo cáo),",
        "- Các đồng chí Đảng ủy viên,",
        "- Các chi bộ trực thuộc,",
        "- Lưu Văn phòng Đảng ủy.",
    ]
