"""The process MkDocs runs in, started with the build.

A fresh (spawned) interpreter, because MkDocs holds every page's HTML until its build ends and
should not start from a process that holds the reports. It starts when the build starts, so
that starting Python, importing MkDocs, Material and the Markdown extensions, reading mkdocs.yml
and compiling the theme's templates (`render.warm_up`) run on the other core while the reports
are read, instead of after the last page is written (docs/scale.md, the five-report build).

This module stays light on purpose: the build's process imports it, never MkDocs; the MkDocs
process imports `render` (and with it MkDocs) and none of the other stages.
"""

from __future__ import annotations

import multiprocessing
import traceback
from multiprocessing.connection import Connection
from pathlib import Path

from .model import EmittedSite


class RenderProcess:
    """MkDocs' process: renders once (`render`), then ends; closed without rendering (the build
    stopped on bad input), it ends too. An error raised in MkDocs is raised again here, with the
    MkDocs process's traceback as a note. Use it as a context manager."""

    def __init__(self, config_file: Path) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=serve, args=(child, config_file), daemon=True)
        self._process.start()
        child.close()

    def render(self, key: str, emitted: EmittedSite, config_file: Path, site_dir: Path) -> None:
        """render.render_stage(key, emitted, config_file, site_dir) in the MkDocs process; waits for it."""
        self._connection.send((key, emitted, config_file, site_dir))
        try:
            failure, trace = self._connection.recv()
        except EOFError:
            raise RuntimeError(f"the MkDocs process ended before rendering (exit code {self._process.exitcode})") from None
        if failure is not None:
            failure.add_note(f"in the MkDocs process:\n{trace}")
            raise failure

    def close(self) -> None:
        self._connection.close()
        self._process.join()

    def __enter__(self) -> RenderProcess:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def serve(connection: Connection, config_file: Path) -> None:
    """The MkDocs process: warm up, then one render request (or none: the build stopped before)."""
    from . import render  # here, not at the top: the build's own process never loads MkDocs

    render.warm_up(config_file)
    try:
        request = connection.recv()
    except EOFError:
        return
    try:
        render.render_stage(*request)
    except BaseException as error:  # sent back whole, raised in the build's process
        trace = traceback.format_exc()
        try:
            connection.send((error, trace))
        except Exception:  # an exception that does not pickle: its text survives
            connection.send((RuntimeError(f"{type(error).__name__}: {error}"), trace))
    else:
        connection.send((None, ""))
