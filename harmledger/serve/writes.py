"""Write endpoint: POST /api/articles queues a JSON record or an uploaded file for the write worker
(serve/worker.py), which runs the whole pipeline; GET /api/jobs/{id} tells how it went."""

from __future__ import annotations

import json
import re
import secrets
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from harmledger.app.reading import IngestReport, read_articles
from harmledger.ingest.sources import READERS
from harmledger.serve.problems import ApiError
from harmledger.serve.schemas import ArticleIn, ErrorOut, JobOut
from harmledger.store import jobs

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


@router.post("/articles", status_code=202, response_model=JobOut, openapi_extra={"requestBody": {
    "required": True, "content": {"application/json": {"schema": ArticleIn.model_json_schema()},
                                  "multipart/form-data": {"schema": _FILE_BODY}}}},
    responses={202: {"description": "Queued: poll the job at Location (GET /api/jobs/{id})",
                     "headers": {"Location": {"description": "The job, /api/jobs/{id}",
                                              "schema": {"type": "string"}}}},
               **{code: {"model": ErrorOut} for code in (401, 403, 413, 415, 422)}})
async def post_article(request: Request) -> Response:
    """Queue one article record (JSON) or one file (multipart field `file`) for ingest; needs the
    Bearer token. Answers 202 at once with the job (its articles' ids already known); the pipeline
    runs in the server's write worker, one job at a time: poll GET /api/jobs/{id} for the result."""
    check_token(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    engine = request.app.state.engine
    with tempfile.TemporaryDirectory(prefix="harmledger-upload-") as tmp:
        if kind == "application/json":
            path = await _save_record(request, Path(tmp))
        elif kind == "multipart/form-data":
            path = await _save_upload(request, Path(tmp))
        else:
            raise ApiError(415, "send application/json (one article record) or multipart/form-data (field 'file')")

        def queue() -> str:
            # Reading the file (no NLP, milliseconds) tells the client its article ids now, and a file
            # with no article in it is a 422 now rather than a failed job later.
            report = IngestReport()
            found = [(a.id, a.source_id) for a in read_articles([path], report)]
            if not found:
                errors = [str(e).replace(f"{tmp}/", "") for e in report.errors]
                raise ApiError(422, "; ".join(errors) or "no article found in the upload")
            return jobs.enqueue(engine, path.name, path.read_bytes(), found)

        job_id = await run_in_threadpool(queue)
    request.app.state.writer.wake()
    job = await run_in_threadpool(jobs.read_job, engine, job_id)
    return JSONResponse(job, status_code=202, headers={"Location": f"/api/jobs/{job_id}"})


@router.get("/jobs/{job_id}", response_model=JobOut, responses={
    404: {"model": ErrorOut, "description": "Unknown id"}, 422: {"model": ErrorOut, "description": "Bad id"}})
def get_job(request: Request, job_id: Annotated[str, PathParam(max_length=64)]) -> Response:
    """An upload's job: `queued`, `running`, `done` with the ingest's result (counts, the articles and
    the incidents they joined, per-file errors) or `failed` with an HL code and what to do."""
    job = jobs.read_job(request.app.state.engine, job_id)
    if job is None:
        raise ApiError(404, f"job {job_id} not found; POST /api/articles answers with a job id")
    ended = job["status"] in (jobs.DONE, jobs.FAILED)
    return JSONResponse(job, headers={} if ended else {"Retry-After": "1"})


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
