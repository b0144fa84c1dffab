"""Write endpoint: POST /api/articles runs the whole pipeline on a JSON record or an uploaded file."""

from __future__ import annotations

import json
import re
import secrets
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from harmledger.app.pipeline import ingest
from harmledger.app.reading import IngestReport, read_articles
from harmledger.ingest.sources import READERS
from harmledger.serve.problems import ApiError
from harmledger.serve.schemas import ArticleIn, ErrorOut, IngestOut
from harmledger.store import queries

router = APIRouter(prefix="/api")
_SAFE_NAME = re.compile(r"[\w][\w .\-]{0,119}")
_FILE_BODY = {"type": "object", "required": ["file"],
              "properties": {"file": {"type": "string", "format": "binary",
                                      "description": ".txt, .html, .json, .jsonl, .xml or Telegram result.json"}}}


def check_token(request: Request) -> None:
    """403 when writes are off (no token configured), 401 without the right Bearer token."""
    expected: str | None = request.app.state.token
    if expected is None:
        raise ApiError(403, "writes are off: start the server with $HARMLEDGER_TOKEN set to enable them")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "send 'Authorization: Bearer <token>' with the server's $HARMLEDGER_TOKEN",
                       headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", response_model=IngestOut, openapi_extra={"requestBody": {
    "required": True, "content": {"application/json": {"schema": ArticleIn.model_json_schema()},
                                  "multipart/form-data": {"schema": _FILE_BODY}}}},
    responses={code: {"model": ErrorOut} for code in (401, 403, 413, 415, 422)})
async def post_article(request: Request) -> dict[str, Any]:
    """Ingest one article record (JSON) or one file (multipart field `file`); needs the Bearer token."""
    check_token(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    with tempfile.TemporaryDirectory(prefix="harmledger-upload-") as tmp:
        if kind == "application/json":
            path = await _save_record(request, Path(tmp))
        elif kind == "multipart/form-data":
            path = await _save_upload(request, Path(tmp))
        else:
            raise ApiError(415, "send application/json (one article record) or multipart/form-data (field 'file')")
        engine = request.app.state.engine

        def run() -> tuple[IngestReport, list[tuple[str, str]]]:
            with request.app.state.ingest_lock:
                # Reading the file again (no NLP) is the cheap way to learn the ids the pipeline will store.
                found = [(a.id, a.source_id) for a in read_articles([path], IngestReport())]
                return ingest(engine, [path]), found

        report, found = await run_in_threadpool(run)
        errors = [str(e).replace(f"{tmp}/", "") for e in report.errors]
    if not found:
        raise ApiError(422, "; ".join(errors) or "no article found in the upload")
    owners = queries.incidents_of_articles(engine, [a for a, _ in found])
    return {"files": report.files, "articles_seen": report.articles_seen, "articles_new": report.articles_new,
            "duplicates": report.duplicates, "incidents": queries.counts(engine)[0],
            "articles": [{"id": a, "source_id": s, "incidents": owners[a]} for a, s in found], "errors": errors}


async def _save_record(request: Request, folder: Path) -> Path:
    try:
        record = ArticleIn.model_validate_json(await request.body())
    except ValidationError as exc:
        fields = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors())
        raise ApiError(422, f"not an article record ({fields})") from None
    if not record.text.strip():
        raise ApiError(422, "text: the article text is empty")
    path = folder / "record.json"
    path.write_text(json.dumps(record.model_dump(exclude_none=True), ensure_ascii=False), encoding="utf-8")
    return path


async def _save_upload(request: Request, folder: Path) -> Path:
    try:
        form = await request.form(max_files=1, max_fields=1)
    except HTTPException as exc:
        if exc.status_code != 400:  # 413 from the body limit stays 413
            raise
        raise ApiError(422, f"multipart body: {exc.detail}; send one file in the field 'file'") from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(422, "multipart body needs one file in the field 'file'")
    name = Path(upload.filename or "").name
    suffix = Path(name).suffix.lower()
    if suffix not in READERS:
        raise ApiError(415, f"unsupported file type '{suffix or name}'; use {', '.join(sorted(READERS))}")
    # The file name becomes the article's source_id; anything odd in it is replaced.
    path = folder / (name if _SAFE_NAME.fullmatch(name) else f"upload{suffix}")
    path.write_bytes(await upload.read())
    await form.close()
    return path
