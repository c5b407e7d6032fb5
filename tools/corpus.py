"""`python -m tools.corpus --count N --out corpus/N`: N synthetic reports made from the seeds.

Why: five reports are the seed, not the goal. Scale (hundreds to thousands of reports) is measured
without real data by recombining the seeds in content/: other years and regions, subsections and
paragraphs shuffled and subsampled, numbers changed, region names swapped, about one in ten in
traditional characters (OpenCC s2t), about one in five with a 名词解释 annex. The result is an
ordinary content folder (report files + reports.yml) that `build.py --content corpus/N` builds.
Deterministic: the same N gives byte-identical files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools import SEEDS
from zhengbao.model import Report, Section
from zhengbao.pipeline import build_reports
from zhengbao.script import to_traditional

# Regions a synthetic report is attributed to: (name, level, slug part). Real places, so titles
# and name swaps read naturally; levels as in model.LEVELS.
REGIONS: tuple[tuple[str, str, str], ...] = (
    ("广东省", "province", "guangdong"), ("浙江省", "province", "zhejiang"), ("江苏省", "province", "jiangsu"),
    ("四川省", "province", "sichuan"), ("湖南省", "province", "hunan"), ("湖北省", "province", "hubei"),
    ("福建省", "province", "fujian"), ("山东省", "province", "shandong"), ("河南省", "province", "henan"),
    ("安徽省", "province", "anhui"), ("江西省", "province", "jiangxi"), ("云南省", "province", "yunnan"),
    ("广州市", "city", "guangzhou"), ("深圳市", "city", "shenzhen"), ("佛山市", "city", "foshan"),
    ("东莞市", "city", "dongguan"), ("珠海市", "city", "zhuhai"), ("杭州市", "city", "hangzhou"),
    ("宁波市", "city", "ningbo"), ("苏州市", "city", "suzhou"), ("南京市", "city", "nanjing"),
    ("成都市", "city", "chengdu"), ("武汉市", "city", "wuhan"), ("长沙市", "city", "changsha"),
    ("厦门市", "city", "xiamen"), ("青岛市", "city", "qingdao"), ("郑州市", "city", "zhengzhou"),
    ("合肥市", "city", "hefei"), ("昆明市", "city", "kunming"), ("南昌市", "city", "nanchang"),
    ("越秀区", "district", "yuexiu"), ("天河区", "district", "tianhe"), ("海珠区", "district", "haizhu"),
    ("荔湾区", "district", "liwan"), ("白云区", "district", "baiyun"), ("黄埔区", "district", "huangpu"),
    ("番禺区", "district", "panyu"), ("南沙区", "district", "nansha"), ("福田区", "district", "futian"),
    ("南山区", "district", "nanshan"), ("西湖区", "district", "xihu"), ("鼓楼区", "district", "gulou"),
    ("从化区", "district", "conghua"), ("增城区", "district", "zengcheng"), ("花都区", "district", "huadu"),
    ("博罗县", "county", "boluo"), ("龙门县", "county", "longmen"), ("德清县", "county", "deqing"),
    ("安吉县", "county", "anji"), ("桐庐县", "county", "tonglu"), ("长兴县", "county", "changxing"),
)
YEARS = range(2006, 2026)
# Place names in the seeds (2017/2021/2024 广州市 reports, 2024 越秀区 report) that become the new region's.
SEED_PLACES = ("广州", "越秀")
LEVEL_GOVERNMENT = {"province": "省", "city": "市", "district": "区", "county": "县"}
TRADITIONAL_SHARE = 0.1
ANNEX_SHARE = 0.2
NUMERALS = "一二三四五六七八九十"
NUMBER = re.compile(r"(?<![\d.])(\d+)(\.\d+)?(?![\d.])")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年)")


@dataclass
class Seed:
    """A parsed seed report reduced to what the generator recombines."""

    report: Report
    sections: list[Section]  # body level-1 sections, first occurrence of each heading only
    annex: list[str]  # annex entries without their numbers ("百千万工程：广东省委…")


def chinese_numeral(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (headings never need more)."""
    if value <= 10:
        return NUMERALS[value - 1]
    tens, units = divmod(value, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[units - 1] if units else "")


def load_seeds(content_dir: Path) -> list[Seed]:
    """The simplified full reports of content/ (the traditional summary is made by conversion instead)."""
    seeds = []
    for report in build_reports(content_dir):
        if report.meta.script != "simplified" or report.meta.kind != "report":
            continue
        seen: set[str] = set()
        sections = []
        for section in report.sections:
            # The 2017 seed repeats its three sections eight times; keep the first of each.
            if section.role == "body" and section.heading not in seen:
                seen.add(section.heading)
                sections.append(section)
        annex = [re.sub(r"^\d+\s*[.．、]\s*", "", p.text) for s in report.sections if s.role == "annex"
                 for p in s.paragraphs if re.match(r"^\d+\s*[.．、]", p.text)]
        seeds.append(Seed(report, sections, annex))
    return seeds


def change_numbers(text: str, rng: random.Random, year_shift: int) -> str:
    """Years move with the report's year; other figures are scaled, keeping their decimals."""
    text = YEAR.sub(lambda m: str(int(m[1]) + year_shift), text)

    def scale(match: re.Match) -> str:
        whole, decimals = match[1], match[2] or ""
        if len(whole) == 4 and whole.startswith(("19", "20")):
            return match[0]  # a year not followed by 年 ("2023-2025"): leave it
        value = float(whole + decimals) * rng.uniform(0.6, 1.6)
        if decimals:
            return f"{value:.{len(decimals) - 1}f}"
        return str(max(1, round(value)))

    return NUMBER.sub(scale, text)


def rename_places(text: str, region: str) -> str:
    short = region[:-1] if len(region) > 2 else region
    for place in SEED_PLACES:
        text = text.replace(place, short)
    return text


def make_report(seeds: list[Seed], rng: random.Random, year: int, region: str, level: str) -> str:
    """One report's text: the main seed's sections, subsections and paragraphs shuffled and subsampled."""
    main = rng.choice(seeds)
    donor = rng.choice(seeds)
    shift = year - main.report.meta.year
    government = LEVEL_GOVERNMENT[level]
    opening = f"现在，我代表{government}人民政府，向大会报告工作，请予审议，并请各位政协委员和其他列席人员提出意见。"
    lines = ["各位代表：", opening]

    def fix(text: str) -> str:
        return rename_places(change_numbers(text, rng, shift), region)

    for number, section in enumerate(main.sections, start=1):
        heading = re.sub(r"^[一二三四五六七八九十]+、", "", section.heading)
        lines.append(f"{chinese_numeral(number)}、{fix(heading)}")
        paragraphs = [p.text for p in section.paragraphs]
        lines.extend(fix(text) for text in paragraphs)
        subsections = [s for s in section.subsections if s.paragraphs]
        rng.shuffle(subsections)
        keep = subsections[: max(1, round(len(subsections) * rng.uniform(0.6, 1.0)))] if subsections else []
        for sub_number, sub in enumerate(keep, start=1):
            texts = [p.text for p in sub.paragraphs]
            if donor.sections and rng.random() < 0.3:
                other = rng.choice(donor.sections).subsections or [rng.choice(donor.sections)]
                texts += [p.text for p in rng.choice(other).paragraphs][:2]
            rng.shuffle(texts)
            heading = re.sub(r"^（[一二三四五六七八九十]+）", "", sub.heading)
            lines.append(f"（{chinese_numeral(sub_number)}）{fix(heading)}{fix(texts[0]) if texts else ''}")
            lines.extend(fix(text) for text in texts[1:])
    entries = main.annex or next((s.annex for s in seeds if s.annex), [])
    if entries and rng.random() < ANNEX_SHARE:
        chosen = rng.sample(entries, k=max(5, len(entries) // 2))
        lines += ["附件：", "名词解释"] + [f"{n}.{fix(entry)}" for n, entry in enumerate(chosen, start=1)]
    return "\n\n".join(lines) + "\n"


def generate(count: int, out: Path, content_dir: Path = SEEDS) -> list[dict]:
    """Write `count` reports and reports.yml into out (replaced), seeded by count."""
    rng = random.Random(f"zhengbao-corpus-{count}")
    seeds = load_seeds(content_dir)
    pairs = [(year, region) for year in YEARS for region in REGIONS]
    chosen = rng.sample(pairs, k=count) if count <= len(pairs) else [
        pairs[i % len(pairs)] for i in range(count)]
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    entries = []
    for index, (year, (region, level, slug_part)) in enumerate(chosen):
        slug = f"{year}-{slug_part}" + (f"-{index // len(pairs) + 1}" if count > len(pairs) else "")
        text = make_report(seeds, rng, year, region, level)
        title = f"{year}年{region}政府工作报告"
        entry = {"file": f"{slug}.txt", "slug": slug, "year": year, "region": region, "level": level}
        if rng.random() < TRADITIONAL_SHARE:
            text, title = to_traditional(text), to_traditional(title)
            entry["script"] = "traditional"
        entry["title"] = title
        (out / entry["file"]).write_text(text, encoding="utf-8")
        entries.append(entry)
    header = f"# Synthetic corpus of {count} reports made by `python -m tools.corpus --count {count}`.\n"
    (out / "reports.yml").write_text(header + yaml.safe_dump({"reports": entries}, allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="number of reports to make")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (replaced if it exists)")
    parser.add_argument("--content", type=Path, default=SEEDS, help="seed content folder")
    args = parser.parse_args(argv)
    entries = generate(args.count, args.out, args.content)
    size = sum((args.out / e["file"]).stat().st_size for e in entries)
    print(f"wrote {len(entries)} reports ({size / 1e6:.1f} MB) and reports.yml into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
