"""The reading rules: regular files under a cap, zips within limits, XML without DTDs, short quotes in messages."""

from __future__ import annotations

import io
import os
import socket
import zipfile

import pytest

from app import i18n
from app.domain.errors import UserError
from app.safe_read import ZipLimits, ZipReader, inside, parse_xml, read_bytes, shorten


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in entries.items():
            out.writestr(name, data)
    return buffer.getvalue()


def test_shorten_keeps_short_text_and_cuts_long_text_with_its_length():
    assert shorten("abc") == "abc"
    assert shorten("x" * 100, 10) == "xxxxxxxxx… (100 characters)"


def test_a_file_at_the_cap_is_read_and_one_byte_more_is_refused(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"a" * 100)
    assert read_bytes(path, 100) == b"a" * 100
    with pytest.raises(UserError, match="larger than"):
        read_bytes(path, 99)


def test_a_missing_file_and_a_folder_are_named(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        read_bytes(tmp_path / "gone", 10)
    with pytest.raises(UserError, match="is a folder"):
        read_bytes(tmp_path, 10)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(UserError, match="not an ordinary file"):
            read_bytes(path, 10)


def test_a_zip_within_the_limits_is_read():
    reader = ZipReader(zipped({"a.xml": b"<a/>"}), "The file")
    assert reader.names() == ["a.xml"]
    assert reader.read("a.xml") == b"<a/>"


def test_a_highly_compressed_entry_is_refused_by_its_ratio():
    data = zipped({"a": b"\0" * (2 * 1024 * 1024)})
    with pytest.raises(UserError, match="compressed more than 100 times"):
        ZipReader(data, "The file", ZipLimits(entry_bytes=8 * 1024 * 1024, total_bytes=8 * 1024 * 1024))


def test_not_a_zip_is_named_as_damaged():
    with pytest.raises(UserError, match="damaged or is not a Word document"):
        ZipReader(b"PK\3\4 not really", "The file")


def test_xml_with_a_doctype_is_refused_and_plain_xml_is_parsed():
    assert parse_xml(b"<a><b/></a>", "The part").tag == "a"
    with pytest.raises(UserError, match="declares a DTD"):
        parse_xml(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', "The part")
    with pytest.raises(UserError, match="is damaged"):
        parse_xml(b"<a><b></a>", "The part")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_inside_follows_links_and_survives_a_loop_of_them(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "in.txt").write_text("x")
    (folder / "out").symlink_to(tmp_path)
    (folder / "loop").symlink_to(folder / "loop")
    assert inside(folder, folder / "in.txt")
    assert not inside(folder, folder / "out" / "secret")
    assert not inside(folder, folder / "loop")
