"""Tổng Kết's hook for lxml: python-docx needs lxml.etree only.

It replaces the contributed hook, which collects every lxml submodule (objectify, html, isoschematron:
4 MB the app never loads) and then warns about the ones tongket.spec excludes.
"""

hiddenimports = ["lxml.etree", "lxml._elementpath"]
