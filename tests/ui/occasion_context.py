"""A real UiContext over a temporary data folder, for the occasion pages' tests."""

from __future__ import annotations

from desktop_app.workspace import Workspace
from ui.context import UiContext
from ui.tasks import TaskManager


def make_context(folder) -> UiContext:
    workspace = Workspace(folder)
    db = workspace.connect()
    tasks = TaskManager(workspace.connect)
    return UiContext(workspace=workspace, db=db, tasks=tasks)


def close_context(ctx: UiContext) -> None:
    ctx.tasks.shutdown()
    ctx.db.close()
