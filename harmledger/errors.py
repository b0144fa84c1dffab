"""Every user-facing error in one catalogue, with stable codes and a hint on what to do."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "HL100": "{path}: no such file or folder; check the path",
    "HL101": "{path}: file is not UTF-8 text ({detail}); re-save it as UTF-8",
    "HL102": "{path}: file is empty; nothing to ingest",
    "HL103": "{path}: file looks binary, not text; pass .txt, .html, .json, .jsonl or .xml files",
    "HL104": "{path}: line {line}: not valid JSON ({detail}); the other lines were ingested",
    "HL105": "{path}: not valid JSON ({detail})",
    "HL106": "{path}: HTML page has no main text to extract",
    "HL107": "{path}: record skipped ({detail}); a record is an object with a 'text' string and "
             "string fields, the other records were read",
    "HL108": "{path}: not a readable RSS/Atom feed ({detail})",
    "HL109": "{path}: unsupported file type '{detail}'; use .txt, .html, .json, .jsonl or .xml",
    "HL110": "{path}: no articles found in this folder",
    "HL111": "{path}: written in '{detail}', a language harmledger cannot read yet; stored without "
             "incidents (readable: {languages})",
    "HL112": "{path}: text of {detail} characters is over the limit of {limit}; split it into "
             "several records",
    "HL113": "{path}: could not be extracted ({detail}); the other articles were ingested, "
             "please report this input",
    "HL114": "{path}: the database refused this article ({detail}); the other articles were stored, "
             "please report this input",
    "HL200": "{path}: gold folder needs articles.jsonl and incidents.jsonl",
    "HL300": "{path}: cannot open database ({detail})",
    "HL301": "incident {detail} not found; list ids with 'harmledger incidents'",
    "HL302": "unknown export format '{detail}'; use json, csv or geojson",
    "HL303": "cannot split {detail}",
    "HL304": "cannot merge {detail}",
    "HL305": "{path}: cannot reach the PostgreSQL server ({detail}); start one with 'make pg' or check the URL",
    "HL306": "{path}: database error ({detail}); nothing from the failed step was stored, and the "
             "next ingest (or 'harmledger recover') finishes what earlier steps stored",
    "HL307": "{path}: cannot reach the Dask scheduler ({detail}); check the address or drop --scheduler",
    "HL399": "internal error ({detail}); nothing half-written was kept, run 'harmledger recover' and "
             "please report this",
    "HL308": "--workers must be 1 or more (got {detail})",
    "HL309": "{path}: no such database; check the path, or create it with 'harmledger --db {path} ingest FILES'",
    "HL310": "{path}: {detail}; pass an ACLED or UCDP GED CSV export as downloaded",
    "HL311": "article {detail} not found; name it by its id or its source id (the file name)",
}


class HarmledgerError(Exception):
    """An error caused by the user's input, printed as one line without a traceback."""

    def __init__(self, code: str, path: object = "", **details: object) -> None:
        self.code = code
        template = MESSAGES[code]
        fields = {"path": path, "detail": "", "line": ""}
        fields.update(details)
        super().__init__(f"{code} {template.format(**fields)}")
