"""Every user-facing error in one catalogue, with stable codes and a hint on what to do."""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """The stable code of each user-facing error (its message is in MESSAGES). Codes are never
    renumbered or reused: users search for them."""

    NO_SUCH_PATH = "HL100"
    NOT_UTF8 = "HL101"
    EMPTY_FILE = "HL102"
    BINARY_FILE = "HL103"
    BAD_JSON_LINE = "HL104"
    BAD_JSON = "HL105"
    NO_MAIN_TEXT = "HL106"
    BAD_RECORD = "HL107"
    BAD_FEED = "HL108"
    UNSUPPORTED_TYPE = "HL109"
    EMPTY_FOLDER = "HL110"
    UNREAD_LANGUAGE = "HL111"
    TOO_LONG = "HL112"
    EXTRACTION_FAILED = "HL113"
    ARTICLE_REFUSED = "HL114"
    PERMISSION_DENIED = "HL115"
    IS_A_FOLDER = "HL116"
    UNREADABLE_FILE = "HL117"
    BAD_GOLD_FOLDER = "HL200"
    CANNOT_OPEN_DATABASE = "HL300"
    NO_SUCH_INCIDENT = "HL301"
    CANNOT_SPLIT = "HL303"
    CANNOT_MERGE = "HL304"
    NO_POSTGRESQL_SERVER = "HL305"
    DATABASE_ERROR = "HL306"
    NO_DASK_SCHEDULER = "HL307"
    BAD_WORKERS = "HL308"
    NO_SUCH_DATABASE = "HL309"
    BAD_COMPARE_FILE = "HL310"
    NO_SUCH_ARTICLE = "HL311"
    INTERNAL = "HL399"


MESSAGES: dict[Code, str] = {
    Code.NO_SUCH_PATH: "{path}: no such file or folder; check the path",
    Code.NOT_UTF8: "{path}: file is not UTF-8 text ({detail}); re-save it as UTF-8",
    Code.EMPTY_FILE: "{path}: file is empty; nothing to ingest",
    Code.BINARY_FILE: "{path}: file looks binary, not text; pass .txt, .html, .json, .jsonl or .xml files",
    Code.BAD_JSON_LINE: "{path}: line {line}: not valid JSON ({detail}); the other lines were ingested",
    Code.BAD_JSON: "{path}: not valid JSON ({detail})",
    Code.NO_MAIN_TEXT: "{path}: HTML page has no main text to extract",
    Code.BAD_RECORD: "{path}: record skipped ({detail}); a record is an object with a 'text' string and "
                     "string fields, the other records were read",
    Code.BAD_FEED: "{path}: not a readable RSS/Atom feed ({detail})",
    Code.UNSUPPORTED_TYPE: "{path}: unsupported file type '{detail}'; use .txt, .html, .json, .jsonl or .xml",
    Code.EMPTY_FOLDER: "{path}: no articles found in this folder",
    Code.UNREAD_LANGUAGE: "{path}: written in '{detail}', a language harmledger cannot read yet; stored "
                          "without incidents (readable: {languages})",
    Code.TOO_LONG: "{path}: text of {detail} characters is over the limit of {limit}; split it into "
                   "several records",
    Code.EXTRACTION_FAILED: "{path}: could not be extracted ({detail}); the other articles were ingested, "
                            "please report this input",
    Code.ARTICLE_REFUSED: "{path}: the database refused this article ({detail}); the other articles were "
                          "stored, please report this input",
    Code.PERMISSION_DENIED: "{path}: permission denied; give your user read access to it (chmod a+r) "
                            "or copy it somewhere readable",
    Code.IS_A_FOLDER: "{path}: is a folder where a file was expected; pass the file itself",
    Code.UNREADABLE_FILE: "{path}: cannot be read ({detail}); check the disk or copy the file elsewhere",
    Code.BAD_GOLD_FOLDER: "{path}: gold folder needs articles.jsonl and incidents.jsonl",
    Code.CANNOT_OPEN_DATABASE: "{path}: cannot open database ({detail})",
    Code.NO_SUCH_INCIDENT: "incident {detail} not found; list ids with 'harmledger incidents'",
    Code.CANNOT_SPLIT: "cannot split {detail}",
    Code.CANNOT_MERGE: "cannot merge {detail}",
    Code.NO_POSTGRESQL_SERVER: "{path}: cannot reach the PostgreSQL server ({detail}); start one with "
                               "'make pg' or check the URL",
    Code.DATABASE_ERROR: "{path}: database error ({detail}); nothing from the failed step was stored, and the "
                         "next ingest (or 'harmledger recover') finishes what earlier steps stored",
    Code.NO_DASK_SCHEDULER: "{path}: cannot reach the Dask scheduler ({detail}); check the address or drop "
                            "--scheduler",
    Code.BAD_WORKERS: "--workers must be 1 or more (got {detail})",
    Code.NO_SUCH_DATABASE: "{path}: no such database; check the path, or create it with "
                           "'harmledger --db {path} ingest FILES'",
    Code.BAD_COMPARE_FILE: "{path}: {detail}; pass an ACLED or UCDP GED CSV export as downloaded",
    Code.NO_SUCH_ARTICLE: "article {detail} not found; name it by its id or its source id (the file name)",
    Code.INTERNAL: "internal error ({detail}); nothing half-written was kept, run 'harmledger recover' and "
                   "please report this",
}


class HarmledgerError(Exception):
    """An error caused by the user's input, printed as one line without a traceback."""

    def __init__(self, code: Code, path: object = "", **details: object) -> None:
        self.code = code
        template = MESSAGES[code]
        fields = {"path": path, "detail": "", "line": ""}
        fields.update(details)
        super().__init__(f"{code.value} {template.format(**fields)}")
