"""Benchmark: our .docx export against a bare python-docx script writing the same content, in the same run.

Run as `.venv/bin/python tests/perf/bench_export.py [--repeat 3] [--runs 15]`; --repeat 3 gives a
15-page report. Prints the median of each way and the ratio ours/bare (below 1: ours is faster).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import docx

from app.render.docx_writer import build_document
from app.render.model import BlockKind, DocumentModel
from tests.render.sample import sample_model

# Styles of python-docx's default template that the bare script uses for each block kind.
_BARE_STYLES = {
    BlockKind.PART_LABEL: "Title",
    BlockKind.PART_TITLE: "Subtitle",
    BlockKind.HEADING1: "Heading 1",
    BlockKind.HEADING2: "Heading 2",
    BlockKind.HEADING3: "Heading 3",
    BlockKind.PARAGRAPH: "Normal",
    BlockKind.BULLET: "List Bullet",
    BlockKind.SUB_BULLET: "List Bullet 2",
    BlockKind.CLOSING: "Normal",
}


def bare_python_docx(model: DocumentModel) -> bytes:
    """The same paragraphs and tables the plain python-docx way: add_paragraph, add_table, table.cell(r, c)."""
    doc = docx.Document()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text = f"{model.upper_body}\n{model.issuer_name}\n*"
    header.cell(1, 0).text = model.number_line
    header.cell(0, 1).text = model.party_title
    header.cell(1, 1).text = model.place_date
    doc.add_paragraph(model.doc_type_name, "Title")
    doc.add_paragraph(model.title, "Subtitle")
    doc.add_paragraph(model.title_separator)
    for block in model.body:
        if block.kind is BlockKind.TABLE:
            data = block.table
            if data.title:
                doc.add_paragraph(data.title, "Caption")
            table = doc.add_table(rows=1 + len(data.rows), cols=len(data.header), style="Table Grid")
            for c, text in enumerate(data.header):
                table.cell(0, c).text = text
            for r, row in enumerate(data.rows, start=1):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        else:
            doc.add_paragraph(block.text, _BARE_STYLES[block.kind])
    signature = doc.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "\n".join([model.recipients_label, *model.recipients])
    signature.cell(0, 1).text = "\n".join([model.authority, model.position, "", "", "", "", model.signer_name])
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def ours(model: DocumentModel) -> bytes:
    """The app's write path: build_document, then save into memory."""
    buffer = io.BytesIO()
    build_document(model).save(buffer)
    return buffer.getvalue()


def docxtpl_render(model: DocumentModel) -> Callable[[], bytes]:
    """A docxtpl run over a one-style paragraph loop and one table loop (approximate: no per-block styles)."""
    from docxtpl import DocxTemplate

    template = docx.Document()
    template.add_paragraph("{%p for text in paragraphs %}")
    template.add_paragraph("{{ text }}")
    template.add_paragraph("{%p endfor %}")
    table = template.add_table(rows=3, cols=1, style="Table Grid")
    table.cell(0, 0).text = "{%tr for row in rows %}"
    table.cell(1, 0).text = "{% for cell in row %}{{ cell }} {% endfor %}"
    table.cell(2, 0).text = "{%tr endfor %}"
    source = io.BytesIO()
    template.save(source)
    paragraphs = [b.text for b in model.body if b.kind is not BlockKind.TABLE]
    rows = [row for b in model.body if b.kind is BlockKind.TABLE for row in [b.table.header, *b.table.rows]]

    def render() -> bytes:
        tpl = DocxTemplate(io.BytesIO(source.getvalue()))
        tpl.render({"paragraphs": paragraphs, "rows": rows})
        buffer = io.BytesIO()
        tpl.save(buffer)
        return buffer.getvalue()

    return render


def median_ms(fn: Callable[[], bytes], runs: int) -> float:
    """Median wall time of fn in milliseconds over runs calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="copies of the demo body (3 ≈ 15 pages)")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    model = sample_model(repeat=args.repeat)
    tables = sum(1 for b in model.body if b.kind is BlockKind.TABLE)
    print(f"model: {len(model.body) - tables} paragraphs, {tables} tables; {args.runs} runs each")
    bare = median_ms(lambda: bare_python_docx(model), args.runs)
    mine = median_ms(lambda: ours(model), args.runs)
    print(f"bare python-docx     {bare:7.1f} ms")
    print(f"ours (build + save)  {mine:7.1f} ms")
    try:
        tpl = median_ms(docxtpl_render(model), args.runs)
    except ImportError:
        print("docxtpl              not installed")
    else:
        print(f"docxtpl (approx.)    {tpl:7.1f} ms")
    print(f"ratio ours/bare      {mine / bare:7.2f}")


if __name__ == "__main__":
    main()
