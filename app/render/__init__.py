"""Report output: report → plain context → Jinja2 wording → document model → .docx; no Qt."""
