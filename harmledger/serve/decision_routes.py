"""Corrections by hand over HTTP: split, merge and detach behind the write token, and the audit log.

The same use cases as the CLI (app/corrections.py): each is stored as a decision that every later
ingest and rebuild honours."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from harmledger.app import corrections
from harmledger.errors import Code, HarmledgerError
from harmledger.export.formats import decision_json
from harmledger.serve.problems import ApiError
from harmledger.serve.schemas import ErrorOut
from harmledger.serve.writes import check_token

router = APIRouter(prefix="/api")
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": why} for code, why in (
        (400, "Body is not UTF-8 JSON"), (401, "No or wrong Bearer token"), (403, "Writes are off"),
        (404, "Unknown incident or article"), (409, "The correction cannot be made (see detail)"),
        (422, "Bad body"))}
# HL codes of app/corrections.py -> HTTP status
_STATUS = {Code.NO_SUCH_INCIDENT: 404, Code.NO_SUCH_ARTICLE: 404, Code.CANNOT_SPLIT: 409, Code.CANNOT_MERGE: 409}


class Why(BaseModel):
    reason: str = Field("", max_length=2000, description="Why (kept in the audit log)")
    author: str = Field("", max_length=200, description="Who decides")


class SplitIn(Why):
    articles: list[str] = Field(min_length=1, max_length=500, description="Article ids or source ids to move out")


class MergeIn(Why):
    others: list[str] = Field(min_length=1, max_length=500, description="Incidents merged into this one")


class SplitOut(BaseModel):
    kept: str = Field(description="The incident that keeps the id")
    new: str = Field(description="The incident the articles moved to")


class MergeOut(BaseModel):
    kept: str


class DetachOut(BaseModel):
    incidents: list[str] = Field(description="The incidents the article's mentions are in now")


class DecisionOut(BaseModel):
    id: int
    action: str = Field(description="merge, split or detach")
    incident_id: str
    articles: list[str]
    together: list[str] = Field(description="Mention ids kept in one incident (merge)")
    apart: list[str] = Field(description="Mention ids kept apart (split, detach)")
    others: list[str] = Field(description="Mention ids they are kept apart from; empty: from every other")
    reason: str
    author: str
    made_at: datetime | None


@router.get("/decisions", response_model=list[DecisionOut])
def list_decisions(request: Request) -> list[dict[str, Any]]:
    """The corrections made by hand, oldest first: what, on which incident, who, when and why."""
    return [decision_json(d) for d in corrections.decisions(request.app.state.engine)]


@router.post("/incidents/{incident_id}/split", response_model=SplitOut, responses=_WRITE_ERRORS)
async def split(incident_id: str, body: SplitIn, request: Request) -> dict[str, str]:
    """Move articles out of an incident into a new one; needs the Bearer token."""
    check_token(request)
    kept, new = await _run(request, corrections.split_incident, incident_id, body.articles, body.reason, body.author)
    return {"kept": kept, "new": new}


@router.post("/incidents/{incident_id}/merge", response_model=MergeOut, responses=_WRITE_ERRORS)
async def merge(incident_id: str, body: MergeIn, request: Request) -> dict[str, str]:
    """Merge other incidents into this one (their ids redirect to it); needs the Bearer token."""
    check_token(request)
    return {"kept": await _run(request, corrections.merge_incidents, incident_id, body.others, body.reason,
                               body.author)}


@router.post("/articles/{article_id}/detach", response_model=DetachOut, responses=_WRITE_ERRORS)
async def detach(article_id: str, body: Why, request: Request) -> dict[str, list[str]]:
    """Keep an article out of every incident of other articles; needs the Bearer token."""
    check_token(request)
    return {"incidents": await _run(request, corrections.detach_article, article_id, body.reason, body.author)}


async def _run(request: Request, use_case: Any, *args: Any) -> Any:
    """`use_case` off the event loop, this process's corrections one at a time, HL errors as HTTP ones."""
    def locked() -> Any:
        with request.app.state.ingest_lock:
            return use_case(request.app.state.engine, *args)

    try:
        return await run_in_threadpool(locked)
    except HarmledgerError as exc:
        raise ApiError(_STATUS.get(exc.code, 409), str(exc)) from None
