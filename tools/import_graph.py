"""`python -m tools.import_graph`: each module of the zhengbao package with the package modules it imports.

Read from the sources (ast), not by importing them. tests/test_layout.py checks the same graph:
stages in order, no cycles, no module over 400 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "zhengbao"


def module_name(path: Path) -> str:
    """zhengbao/link/anchors.py → zhengbao.link.anchors; a package's __init__.py → the package."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def package_modules() -> set[str]:
    return {module_name(p) for p in PACKAGE.rglob("*.py")}


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """Modules of zhengbao (or tools) that `path` imports, relative imports resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in modules else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m.split(".")[0] in ("zhengbao", "tools") and m != name}


def import_graph() -> dict[str, set[str]]:
    """module → the package modules it imports, for every module of zhengbao/."""
    modules = package_modules()
    return {module_name(p): imports_of(p, modules) for p in sorted(PACKAGE.rglob("*.py"))}


def main() -> None:
    for module, imported in sorted(import_graph().items()):
        short = sorted(i.removeprefix("zhengbao.") for i in imported)
        print(f"{module.removeprefix('zhengbao.') or 'zhengbao'} → {', '.join(short) or '—'}")


if __name__ == "__main__":
    main()
