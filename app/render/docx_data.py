"""The report's data inside its .docx: the interchange JSON as a custom XML part, written and read back safely.

The part is a customXml data-store item (customXml/itemN.xml with its itemPropsN.xml, related from the document
part), the kind of part Word keeps untouched and never shows, and LibreOffice carries through a re-save
(docs/interchange.md). Its root element <report xmlns="urn:tongket:report"> holds the JSON as text.
"""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING

from lxml import etree

from app.domain.errors import MissingDataPart, NotAReportFile
from app.i18n import _
from app.safe_read import MiB, ZipLimits, ZipReader, parse_xml

if TYPE_CHECKING:
    from docx.document import Document

NAMESPACE = "urn:tongket:report"
ROOT = f"{{{NAMESPACE}}}report"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_RT_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
# A report file is at most 8 MB of JSON; a .docx carrying one, with its text and styles, well under 32 MB unpacked.
DATA_LIMITS = ZipLimits(entries=1000, total_bytes=48 * MiB, entry_bytes=16 * MiB)


def embed(document: Document, json_text: str) -> None:
    """Add json_text to document as a custom XML part, related from the document part."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    root = etree.Element(ROOT, nsmap={None: NAMESPACE})
    root.set("version", "1")
    # JSON escapes the control characters XML cannot hold; what else XML cannot hold and the window lets through
    # (a lone surrogate, U+FFFE, U+FFFF) is escaped here the JSON way.
    root.text = re.sub("[\ud800-\udfff\ufffe\uffff]", lambda m: f"\\u{ord(m.group()):04x}", json_text)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = document.part.package
    item_name = package.next_partname("/customXml/item%d.xml")
    number = item_name.idx
    props_name = PackURI(f"/customXml/itemProps{number}.xml")
    props = etree.Element(f"{{{_DS}}}datastoreItem", nsmap={"ds": _DS})
    props.set(f"{{{_DS}}}itemID", "{" + str(uuid.uuid4()).upper() + "}")
    refs = etree.SubElement(props, f"{{{_DS}}}schemaRefs")
    etree.SubElement(refs, f"{{{_DS}}}schemaRef").set(f"{{{_DS}}}uri", NAMESPACE)
    props_blob = etree.tostring(props, xml_declaration=True, encoding="UTF-8", standalone=False)
    item = Part(item_name, "application/xml", blob, package)
    props_part = Part(props_name, _CT_CUSTOM_XML_PROPS, props_blob, package)
    item.relate_to(props_part, _RT_CUSTOM_XML_PROPS)
    document.part.relate_to(item, _RT_CUSTOM_XML)


def is_zip(data: bytes) -> bool:
    """True when data starts as a zip package (a .docx) does."""
    return data[:4] == b"PK\x03\x04"


def extract(data: bytes, what: str) -> str:
    """The interchange JSON carried by the .docx in data; UserError when it carries none or is unsafe to read.

    what: how messages name the file ("The file x.docx").
    """
    package = ZipReader(data, what, DATA_LIMITS)
    candidates = [name for name in package.names()
                  if name.lower().startswith("customxml/") and name.lower().endswith(".xml")
                  and "/itemprops" not in name.lower() and "/_rels/" not in name.lower()]
    if "word/document.xml" not in package.infos:
        raise NotAReportFile(_("{what} is not a Word document: it has no word/document.xml.").format(what=what))
    for name in candidates:
        raw = package.read(name)
        if NAMESPACE.encode() not in raw:
            continue
        root = parse_xml(raw, _("{what}, part {part},").format(what=what, part=name))
        if root.tag == ROOT:
            return root.text or ""
    raise MissingDataPart(_(
        "{what} does not carry the report's data: it has no “{namespace}” part, so its figures cannot be read "
        "back. Only a .docx exported by a version of this program that embeds it carries it; import the report's "
        ".json file instead, or export the .docx again.").format(what=what, namespace=NAMESPACE))
