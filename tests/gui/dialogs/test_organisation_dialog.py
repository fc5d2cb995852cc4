"""The organisation dialog: typed fields become an Organisation; problems show under their field and block OK."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.domain.org_checks import label
from app.domain.organisation import Organisation, OrgKind, Signature, default_recipients
from app.domain.presets import PRESET_LABELS, Preset
from app.gui.dialogs.organisation_dialog import OrganisationDialog
from app.i18n import _
from app.paths import templates_dir
from tests.gui.keys import type_text

# The offscreen platform cannot pass a window's size limits on; that is not the dialog's fault.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

O = "organisation."


def existing() -> Organisation:
    return Organisation(
        name="Đảng bộ xã La Bằng",
        upper_body="ĐẢNG BỘ HUYỆN ĐẠI TỪ",
        issuer_name="ĐẢNG ỦY XÃ LA BẰNG",
        kind=OrgKind.DANG_BO_CO_SO,
        issuer_code="ĐU",
        place="La Bằng",
        short_name="Đảng bộ xã",
        signature=Signature("T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn An"),
        recipients=["- Ban Thường vụ Huyện ủy (để báo cáo),", "- Lưu Văn phòng Đảng ủy."],
        id=7,
    )


@pytest.fixture
def new_dialog(qtbot):
    dialog = OrganisationDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def ok_button(dialog):
    return dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)


def cancel_button(dialog):
    return dialog.button_box.button(QDialogButtonBox.StandardButton.Cancel)


def retype(qtbot, edit, text):
    """Select the field's text and type over it, as a user does."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, text)


def fill_required(qtbot, dialog):
    type_text(dialog.edits[O + "name"], "Chi bộ thôn Đồng Tâm")
    type_text(dialog.edits[O + "upper_body"], "Đảng bộ xã La Bằng")
    type_text(dialog.edits[O + "issuer_name"], "Chi bộ thôn Đồng Tâm")
    type_text(dialog.edits[O + "place"], "La Bằng")


def test_ok_is_disabled_until_the_header_fields_are_filled_and_the_hint_names_them(qtbot, new_dialog):
    assert not ok_button(new_dialog).isEnabled()
    assert label(O + "name") in new_dialog.hint_label.text()
    assert label(O + "place") in new_dialog.hint_label.text()
    fill_required(qtbot, new_dialog)
    assert ok_button(new_dialog).isEnabled()
    assert new_dialog.hint_label.text() == ""


def test_an_untouched_empty_field_shows_no_problem_yet(new_dialog):
    assert not new_dialog.problem_label(O + "place").isVisible()


def test_leaving_an_empty_required_field_shows_what_to_fill_in_under_it(qtbot, new_dialog):
    place = new_dialog.edits[O + "place"]
    qtbot.keyClicks(place, "x")
    qtbot.keyClick(place, Qt.Key.Key_Backspace)
    problem = new_dialog.problem_label(O + "place")
    assert problem.isVisible()
    assert label(O + "place") in problem.text()


def test_a_committee_as_the_upper_level_shows_an_error_under_that_field_until_fixed(qtbot, new_dialog):
    fill_required(qtbot, new_dialog)
    upper = new_dialog.edits[O + "upper_body"]
    retype(qtbot, upper, "ĐẢNG ỦY XÃ LA BẰNG")

    problem = new_dialog.problem_label(O + "upper_body")
    assert problem.isVisible()
    assert "ĐẢNG BỘ XÃ LA BẰNG" in problem.text()
    assert problem.parentWidget() is upper.parentWidget()
    assert problem.geometry().top() >= upper.geometry().bottom()
    for path in (O + "name", O + "issuer_name", O + "place"):
        assert not new_dialog.problem_label(path).isVisible()
    assert not ok_button(new_dialog).isEnabled()

    retype(qtbot, upper, "ĐẢNG BỘ XÃ LA BẰNG")
    assert not problem.isVisible()
    assert ok_button(new_dialog).isEnabled()


def test_k_t_in_the_authority_line_blocks_ok_and_t_m_allows_it(qtbot, new_dialog):
    fill_required(qtbot, new_dialog)
    authority = new_dialog.edits[O + "signature.authority"]
    retype(qtbot, authority, "K/T BI THU")
    assert new_dialog.problem_label(O + "signature.authority").isVisible()
    assert not ok_button(new_dialog).isEnabled()
    retype(qtbot, authority, "T/M ĐẢNG ỦY")
    assert not new_dialog.problem_label(O + "signature.authority").isVisible()
    assert ok_button(new_dialog).isEnabled()


def test_a_warning_shows_under_its_field_but_does_not_block_ok(qtbot, new_dialog):
    fill_required(qtbot, new_dialog)
    type_text(new_dialog.edits[O + "signature.name"], "TS. Nguyễn Văn An")
    problem = new_dialog.problem_label(O + "signature.name")
    assert problem.isVisible() and "TS." in problem.text()
    assert ok_button(new_dialog).isEnabled()


def test_ok_emits_the_typed_organisation_upper_cased_where_printed_in_capitals(qtbot, new_dialog):
    fill_required(qtbot, new_dialog)
    type_text(new_dialog.edits[O + "short_name"], "Chi bộ")
    type_text(new_dialog.edits[O + "signature.name"], "Trần Thị Bình")
    assert new_dialog.edits[O + "upper_body"].text() == "Đảng bộ xã La Bằng"  # shown as typed

    with qtbot.waitSignal(new_dialog.organisation_accepted) as signal:
        qtbot.mouseClick(ok_button(new_dialog), Qt.MouseButton.LeftButton)

    org = signal.args[0]
    assert isinstance(org, Organisation)
    assert org.id is None
    assert org.name == "Chi bộ thôn Đồng Tâm"
    assert org.upper_body == "ĐẢNG BỘ XÃ LA BẰNG"
    assert org.issuer_name == "CHI BỘ THÔN ĐỒNG TÂM"
    assert org.place == "La Bằng"
    assert org.short_name == "Chi bộ"
    assert org.signature == Signature("T/M ĐẢNG ỦY", "BÍ THƯ", "Trần Thị Bình")
    assert not new_dialog.isVisible()


def test_decomposed_text_from_unikey_is_stored_composed(qtbot, new_dialog):
    fill_required(qtbot, new_dialog)
    decomposed = unicodedata.normalize("NFD", "Điền Xá")
    retype(qtbot, new_dialog.edits[O + "place"], decomposed)
    assert new_dialog.edits[O + "place"].text() == decomposed
    with qtbot.waitSignal(new_dialog.organisation_accepted) as signal:
        ok_button(new_dialog).click()
    assert signal.args[0].place == "Điền Xá"
    assert unicodedata.is_normalized("NFC", signal.args[0].place)


def test_editing_keeps_the_id_and_what_the_form_does_not_show(qtbot):
    org = existing()
    dialog = OrganisationDialog(org)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.edits[O + "issuer_name"].text() == "ĐẢNG ỦY XÃ LA BẰNG"
    assert ok_button(dialog).isEnabled()
    retype(qtbot, dialog.edits[O + "place"], "Đại Từ")
    with qtbot.waitSignal(dialog.organisation_accepted) as signal:
        ok_button(dialog).click()
    edited = signal.args[0]
    assert edited.id == 7
    assert edited.place == "Đại Từ"
    assert edited.recipients == org.recipients
    if hasattr(org, "preset"):
        assert edited.preset == org.preset


def test_cancel_emits_nothing(qtbot):
    dialog = OrganisationDialog(existing())
    qtbot.addWidget(dialog)
    dialog.open()
    with qtbot.assertNotEmitted(dialog.organisation_accepted):
        qtbot.mouseClick(cancel_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_choosing_a_chi_bo_replaces_the_default_code_and_authority(qtbot, new_dialog):
    assert new_dialog.edits[O + "issuer_code"].text() == "ĐU"
    assert new_dialog.edits[O + "signature.authority"].text() == "T/M ĐẢNG ỦY"
    combo = new_dialog.kind_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # the first kind: chi bộ cơ sở
    assert new_dialog.kind() is OrgKind.CHI_BO_CO_SO
    assert new_dialog.edits[O + "issuer_code"].text() == "CB"
    assert new_dialog.edits[O + "signature.authority"].text() == "T/M CHI BỘ"


def test_choosing_a_kind_keeps_a_code_the_user_typed(qtbot, new_dialog):
    retype(qtbot, new_dialog.edits[O + "issuer_code"], "ĐUK")
    new_dialog.kind_combo.setFocus()
    qtbot.keyClick(new_dialog.kind_combo, Qt.Key.Key_Home)
    assert new_dialog.edits[O + "issuer_code"].text() == "ĐUK"
    assert new_dialog.edits[O + "signature.authority"].text() == "T/M CHI BỘ"


def test_the_fill_button_puts_the_usual_recipients_of_the_kind(qtbot, new_dialog):
    new_dialog.kind_combo.setFocus()
    qtbot.keyClick(new_dialog.kind_combo, Qt.Key.Key_Home)
    qtbot.mouseClick(new_dialog.fill_recipients_button, Qt.MouseButton.LeftButton)
    assert new_dialog.recipients() == default_recipients(OrgKind.CHI_BO_CO_SO)
    assert not new_dialog.problem_label(O + "recipients").isVisible()


def test_a_recipient_line_without_its_dash_is_named_under_the_list(qtbot, new_dialog):
    type_text(new_dialog.recipients_edit, "Đảng ủy xã La Bằng (để báo cáo),\n- Lưu Chi bộ.")
    problem = new_dialog.problem_label(O + "recipients")
    assert problem.isVisible()
    assert "Đảng ủy xã La Bằng (để báo cáo)," in problem.text()
    assert "1" in problem.text()
    assert new_dialog.recipients() == ["Đảng ủy xã La Bằng (để báo cáo),", "- Lưu Chi bộ."]


def test_the_kind_combo_shows_the_kinds_in_vietnamese(new_dialog):
    labels = [new_dialog.kind_combo.itemText(i) for i in range(new_dialog.kind_combo.count())]
    assert "Chi bộ cơ sở" in labels and "Đảng bộ cơ sở" in labels


# -- document format ------------------------------------------------------------------------------


def choose_preset(qtbot, dialog, preset: str) -> None:
    """Pick a format with the keyboard, as a user does: Home, then Down until it is chosen."""
    combo = dialog.preset_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != preset:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_the_format_combo_lists_every_preset_and_starts_at_the_organisations(qtbot):
    org = existing()
    org.preset = "cong-doan"
    dialog = OrganisationDialog(org)
    qtbot.addWidget(dialog)
    assert [dialog.preset_combo.itemData(i) for i in range(dialog.preset_combo.count())] == [
        "party", "state", "cong-doan", "doan"]
    assert dialog.preset_combo.itemText(0) == _(PRESET_LABELS[Preset.PARTY])
    assert dialog.preset() == "cong-doan"


def test_choosing_the_state_format_fills_in_its_code_and_tm_authority(qtbot, new_dialog):
    assert "Số 05-BC/ĐU" in new_dialog.number_preview.text()
    choose_preset(qtbot, new_dialog, "state")
    assert new_dialog.edits[O + "issuer_code"].text() == "UBND"
    assert new_dialog.edits[O + "signature.authority"].text().startswith("TM. ")
    assert new_dialog.edits[O + "signature.position"].text() == "CHỦ TỊCH"
    assert "Số: 05/BC-UBND" in new_dialog.number_preview.text()

    fill_required(qtbot, new_dialog)
    with qtbot.waitSignal(new_dialog.organisation_accepted) as signal:
        qtbot.mouseClick(ok_button(new_dialog), Qt.MouseButton.LeftButton)
    org = signal.args[0]
    assert org.preset == "state"
    assert org.issuer_code == "UBND"
    assert org.signature.authority == "TM. ỦY BAN NHÂN DÂN"


def test_back_to_the_party_format_brings_back_the_party_defaults(qtbot, new_dialog):
    choose_preset(qtbot, new_dialog, "doan")
    assert new_dialog.edits[O + "issuer_code"].text() == "ĐTN"
    choose_preset(qtbot, new_dialog, "party")
    assert new_dialog.edits[O + "issuer_code"].text() == "ĐU"
    assert new_dialog.edits[O + "signature.authority"].text() == "T/M ĐẢNG ỦY"
    assert new_dialog.edits[O + "signature.position"].text() == "BÍ THƯ"


def test_changing_the_format_keeps_what_the_user_typed(qtbot, new_dialog):
    retype(qtbot, new_dialog.edits[O + "issuer_code"], "ĐUK")
    retype(qtbot, new_dialog.edits[O + "signature.authority"], "T/M BAN CHẤP HÀNH")
    choose_preset(qtbot, new_dialog, "state")
    assert new_dialog.edits[O + "issuer_code"].text() == "ĐUK"
    assert new_dialog.edits[O + "signature.authority"].text() == "T/M BAN CHẤP HÀNH"


def test_the_usual_recipients_follow_the_format_while_untouched(qtbot, new_dialog):
    qtbot.mouseClick(new_dialog.fill_recipients_button, Qt.MouseButton.LeftButton)
    choose_preset(qtbot, new_dialog, "state")
    lines = new_dialog.recipients()
    assert lines[-1] == "- Lưu: VT."
    assert all(line.endswith(";") for line in lines[:-1])


def test_the_party_rules_apply_only_to_the_party_format(qtbot, new_dialog):
    fill_required(qtbot, new_dialog)
    retype(qtbot, new_dialog.edits[O + "upper_body"], "ĐẢNG ỦY XÃ LA BẰNG")
    assert new_dialog.problem_label(O + "upper_body").isVisible()
    assert not ok_button(new_dialog).isEnabled()
    choose_preset(qtbot, new_dialog, "state")
    assert not new_dialog.problem_label(O + "upper_body").isVisible()
    assert ok_button(new_dialog).isEnabled()
    choose_preset(qtbot, new_dialog, "party")
    assert new_dialog.problem_label(O + "upper_body").isVisible()


# -- house style ----------------------------------------------------------------------------------


def choose_in_file_dialog(qtbot, dialog, button, path: Path) -> None:
    """Click the row's Choose button and pick path in the file dialog it opens."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert chooser is not None and chooser.isVisible()
    with qtbot.waitSignal(chooser.fileSelected):
        chooser.selectFile(str(path))
        chooser.accept()


@pytest.fixture
def plain_docx(tmp_path) -> Path:
    """A Word document with none of the app's styles: what python-docx writes by default."""
    path = tmp_path / "plain.docx"
    docx.Document().save(path)
    return path


@pytest.fixture
def edit_dialog(qtbot):
    dialog = OrganisationDialog(existing())
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_a_house_style_file_without_the_apps_styles_shows_the_problem_and_blocks_ok(qtbot, edit_dialog,
                                                                                     plain_docx):
    problem = edit_dialog.problem_label(O + "reference_docx")
    assert not problem.isVisible()
    choose_in_file_dialog(qtbot, edit_dialog, edit_dialog.reference_button, plain_docx)

    assert edit_dialog.reference_edit.text() == str(plain_docx)
    assert problem.isVisible()
    assert "“TK Body”" in problem.text() and "plain.docx" in problem.text()
    assert not ok_button(edit_dialog).isEnabled()

    qtbot.mouseClick(edit_dialog.reference_clear_button, Qt.MouseButton.LeftButton)
    assert edit_dialog.reference_edit.text() == ""
    assert not problem.isVisible()
    assert ok_button(edit_dialog).isEnabled()
    assert not edit_dialog.reference_clear_button.isEnabled()


def test_the_built_in_reference_file_shows_no_problem_and_is_saved(qtbot, edit_dialog):
    reference = templates_dir() / "reference.docx"
    choose_in_file_dialog(qtbot, edit_dialog, edit_dialog.reference_button, reference)
    assert not edit_dialog.problem_label(O + "reference_docx").isVisible()
    assert ok_button(edit_dialog).isEnabled()
    with qtbot.waitSignal(edit_dialog.organisation_accepted) as signal:
        ok_button(edit_dialog).click()
    assert Path(signal.args[0].reference_docx) == reference


def test_an_organisation_whose_house_style_file_is_gone_shows_it_when_opened(qtbot, tmp_path):
    org = existing()
    org.reference_docx = str(tmp_path / "moved.docx")
    dialog = OrganisationDialog(org)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.reference_edit.text() == org.reference_docx
    assert dialog.problem_label(O + "reference_docx").isVisible()
    assert not ok_button(dialog).isEnabled()


def test_a_templates_folder_with_a_syntax_error_names_the_file_and_line(qtbot, edit_dialog, tmp_path):
    folder = tmp_path / "mau-cau"
    folder.mkdir()
    (folder / "report.j2").write_text("Dòng một\n{% if %}\n", encoding="utf-8")
    choose_in_file_dialog(qtbot, edit_dialog, edit_dialog.templates_button, folder)

    problem = edit_dialog.problem_label(O + "templates_dir")
    assert edit_dialog.templates_edit.text() == str(folder)
    assert problem.isVisible()
    assert "report.j2" in problem.text() and "2" in problem.text()
    assert not ok_button(edit_dialog).isEnabled()

    (folder / "report.j2").unlink()
    choose_in_file_dialog(qtbot, edit_dialog, edit_dialog.templates_button, folder)
    assert not problem.isVisible()
    with qtbot.waitSignal(edit_dialog.organisation_accepted) as signal:
        ok_button(edit_dialog).click()
    assert Path(signal.args[0].templates_dir) == folder


def test_the_recipients_rule_and_examples_follow_the_document_format(qtbot):
    from app.gui.dialogs.organisation_dialog import OrganisationDialog

    dialog = OrganisationDialog()
    qtbot.addWidget(dialog)
    assert "kết thúc bằng “,”" in dialog.recipients_hint.text()
    assert dialog.edits["organisation.upper_body"].placeholderText() == "ĐẢNG BỘ TỈNH THÁI NGUYÊN"
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("state"))
    assert "kết thúc bằng “;”" in dialog.recipients_hint.text()
    assert "- Lưu: VT" in dialog.recipients_hint.text()
    assert dialog.edits["organisation.upper_body"].placeholderText() == "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"
    assert dialog._form_label("organisation.upper_body").text() == "Cơ quan cấp trên:"


def placeholders(dialog) -> dict[str, str]:
    return {path.removeprefix(O): edit.placeholderText() for path, edit in dialog.edits.items()}


def test_a_chi_bo_is_shown_chi_bo_examples_and_a_dang_bo_dang_bo_ones(qtbot, new_dialog):
    dang_bo = placeholders(new_dialog)
    assert dang_bo["issuer_name"] == "ĐẢNG ỦY XÃ LA BẰNG"
    assert dang_bo["name"] == "Đảng bộ xã La Bằng"
    combo = new_dialog.kind_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # đảng bộ cơ sở → đảng bộ bộ phận
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # chi bộ cơ sở
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # chi bộ trực thuộc
    assert new_dialog.kind() is OrgKind.CHI_BO_TRUC_THUOC
    chi_bo = placeholders(new_dialog)
    assert chi_bo["issuer_name"].startswith("CHI BỘ ")
    assert chi_bo["upper_body"].startswith("ĐẢNG BỘ ")
    assert chi_bo["name"].startswith("Chi bộ ")
    assert chi_bo["short_name"] == "Chi bộ"
    assert (chi_bo["issuer_code"], chi_bo["signature.authority"]) == ("CB", "T/M CHI BỘ")
    assert "Lưu Chi bộ." in new_dialog.recipients_edit.placeholderText()
    assert "ĐẢNG ỦY" not in " ".join(chi_bo.values())
    qtbot.keyClick(combo, Qt.Key.Key_End)  # đảng bộ cấp trên cơ sở
    assert placeholders(new_dialog)["issuer_name"] == "ĐẢNG ỦY XÃ LA BẰNG"
    assert "Lưu Văn phòng Đảng ủy." in new_dialog.recipients_edit.placeholderText()


def test_an_existing_chi_bo_opens_with_chi_bo_examples(qtbot):
    chi_bo = Organisation(name="Chi bộ Khoa Cơ khí", upper_body="ĐẢNG BỘ TRƯỜNG CAO ĐẲNG",
                          issuer_name="CHI BỘ KHOA CƠ KHÍ", kind=OrgKind.CHI_BO_CO_SO, issuer_code="CB", id=3)
    dialog = OrganisationDialog(chi_bo)
    qtbot.addWidget(dialog)
    assert placeholders(dialog)["issuer_name"] == "CHI BỘ TRƯỜNG THCS LA BẰNG"
