"""`harmledger split | merge | detach | decisions`: corrections by hand, kept as decisions that every
later ingest and rebuild honours, and their audit log."""

from __future__ import annotations

import getpass
import json
from typing import Annotated

import typer
from rich.table import Table

from harmledger.cli import common as c

# The arguments and options of the corrections, declared once: every correction takes --why and
# --by; split and merge each name an incident and what to move out of it or into it.
Why = Annotated[str, typer.Option("--why", help="Why (kept in the audit log: 'harmledger decisions')")]
By = Annotated[str | None, typer.Option("--by", help="Who decides [default: the login name]")]
SplitId = Annotated[str, typer.Argument(metavar="ID", help="Incident to split")]
MovedOut = Annotated[list[str], typer.Argument(metavar="ARTICLE...", help="Article ids or source ids to move out")]
KeepId = Annotated[str, typer.Argument(metavar="ID", help="Incident that stays")]
MergedIn = Annotated[list[str], typer.Argument(metavar="OTHER...", help="Incidents merged into it")]
ArticleRef = Annotated[str, typer.Argument(metavar="ARTICLE", help="Article id or source id")]


def split(ctx: typer.Context, incident_id: SplitId, articles: MovedOut, why: Why = "", by: By = None) -> None:
    """Move some articles out of an incident into a new one (the old id stays on the rest).

    Kept as a decision: a later ingest or rebuild does not put them back.

    Example:
        harmledger --db demo.db split I4d7e469b3999 kharkiv-market-update.txt --why "another day"
    """
    from harmledger.app.corrections import split_incident

    kept, new = split_incident(c.engine(ctx), incident_id, articles, reason=why, author=_author(by))
    c.out.print(f"{kept} kept; moved articles are now {new}")


def merge(ctx: typer.Context, keep_id: KeepId, others: MergedIn, why: Why = "", by: By = None) -> None:
    """Merge incidents into one; the merged ids redirect to the one kept.

    Kept as a decision: a later ingest or rebuild does not part them.

    Example:
        harmledger --db demo.db merge I4d7e469b3999 I0a1b2c3d4e5f --why "same strike, two towns named"
    """
    from harmledger.app.corrections import merge_incidents

    kept = merge_incidents(c.engine(ctx), keep_id, others, reason=why, author=_author(by))
    c.out.print(f"merged {', '.join(others)} into {kept}")


def detach(ctx: typer.Context, article: ArticleRef, why: Why = "", by: By = None) -> None:
    """Keep one article out of every incident of other articles, now and after every rebuild.

    Example:
        harmledger --db demo.db detach kharkiv-market-update.txt --why "reports another strike"
    """
    from harmledger.app.corrections import detach_article

    now = detach_article(c.engine(ctx), article, reason=why, author=_author(by))
    c.out.print(f"{article} is on its own in {', '.join(now)}")


def decisions(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the decisions as a JSON list")] = False,
) -> None:
    """The corrections made by hand, oldest first: what, on which incident, who, when and why.

    Example:
        harmledger --db demo.db decisions
    """
    from harmledger.app.corrections import decisions as all_decisions
    from harmledger.export.formats import decision_json

    made = [decision_json(d) for d in all_decisions(c.engine(ctx))]
    if as_json:
        c.out.print(json.dumps(made, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        return
    table = Table(title=f"{len(made)} decisions")
    for column in ("#", "made", "by", "action", "incident", "articles", "mentions", "why"):
        table.add_column(column)
    for d in made:
        mentions = len(d["together"]) or len(d["apart"])
        table.add_row(str(d["id"]), d["made_at"], d["author"], d["action"], d["incident_id"],
                      ", ".join(d["articles"]), str(mentions), d["reason"])
    c.out.print(table)


def _author(by: str | None) -> str:
    if by is not None:
        return by
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return ""
