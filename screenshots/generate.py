"""`make screenshots`: write screenshots/<scene>-<lang>.svg for every screen (120×36, the snapshot tests' data)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.tui.scenes import LANGS, SCENES, SIZES, arrive, make_app  # noqa: E402


async def shoot(scene: str, lang: str) -> Path:
    app = make_app(scene, lang)
    async with app.run_test(size=SIZES["wide"]) as pilot:
        await arrive(pilot, scene)
        path = app.save_screenshot(filename=f"{scene}-{lang}.svg", path=str(ROOT / "screenshots"))
    return Path(path)


async def main() -> None:
    for scene in (s for s in SCENES if s not in ("hostile_name", "status_prepaid")):  # test scenes, not README pictures
        for lang in LANGS:
            print(await shoot(scene, lang))


if __name__ == "__main__":
    asyncio.run(main())
