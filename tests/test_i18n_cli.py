"""Issue 17, item 3: Korean and English through the command line.

The language is ``--lang`` (before or after the command), else the profile's ``lang``, else
LC_ALL / LC_MESSAGES / LANG of the Environment, else English. Korean dates and weekdays are
CLDR's (babel); the HTML declares its language and a font stack that renders Hangul.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import BASE_PROFILE, fake_env
from milia_cli import i18n
from milia_cli.exporters.html import export_html
from milia_cli.exporters.report_html import export_report_html
from milia_cli.logmodel import EMPTY_LOG
from milia_cli.planner import build_plan
from milia_cli.profile import parse_profile
from milia_cli.report import report_for
from tests.support.i18n import english_runs, hangul, visible_text
from tests.support.report import TODAY_OFFSET, on, the_log

KO_PROFILE = BASE_PROFILE.replace('birth_year = 1994\n', 'birth_year = 1994\nlang = "ko"\n')


# -- the choice ----------------------------------------------------------------------------------
@pytest.mark.parametrize("flag,profile,vars,want", [
    (None, None, {}, "en"),
    ("ko", None, {}, "ko"),
    (None, "ko", {}, "ko"),
    ("en", "ko", {"LANG": "ko_KR.UTF-8"}, "en"),  # the flag first
    (None, None, {"LANG": "ko_KR.UTF-8"}, "ko"),
    (None, None, {"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),
    (None, None, {"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),  # LC_ALL decides, and C is English
    (None, None, {"LANG": "fr_FR.UTF-8"}, "en"),  # a language milia does not speak: English
    (None, "en", {"LANG": "ko_KR.UTF-8"}, "en"),  # the profile before the locale
])
def test_the_language_is_the_flag_then_the_profile_then_the_locale_then_english(flag, profile, vars, want):
    assert i18n.choose(flag, profile, vars) == want


def test_an_unknown_lang_is_one_sentence_and_exit_2(milia):
    milia.write_profile()
    for args in (["--lang", "fr", "today"], ["today", "--lang", "kor"]):
        res = milia(*args)
        assert res.exit_code == 2, res.output
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("milia: --lang "), res.stderr
    assert "did you mean 'ko'" in milia("report", "--lang", "kor").stderr


def test_a_locale_style_lang_is_read(milia):
    milia.write_profile()
    assert '<html lang="ko">' in milia("--lang", "ko_KR", "export", "html").stdout


def test_the_lang_key_of_a_profile(milia, home):
    path = milia.write_profile()
    res = milia("profile", "set", "lang", "ko")
    assert res.exit_code == 0, res.output
    assert 'lang = "ko"' in path.read_text()
    bad = milia("profile", "set", "lang", "koo")  # said in Korean now: the profile's lang is ko
    assert bad.exit_code != 0 and "('ko'을(를) 말씀하신 건가요?)" in bad.stderr and bad.stderr.count("\n") == 1
    assert "did you mean 'ko'" in milia("--lang", "en", "profile", "set", "lang", "koo").stderr
    path.write_text(BASE_PROFILE.replace("birth_year = 1994\n", 'birth_year = 1994\nlang = "fr"\n'))
    broken = milia("today")
    assert broken.exit_code == 1 and "'lang'" in broken.stderr and "en, ko" in broken.stderr


def test_profile_show_json_has_the_lang(milia):
    milia.write_profile(KO_PROFILE)
    res = milia("profile", "show", "--json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["lang"] == "ko"


# -- the handout and the report ------------------------------------------------------------------
def test_export_html_in_korean(milia):
    milia.write_profile()
    res = milia("--lang", "ko", "export", "html")
    assert res.exit_code == 0, res.output
    page = res.stdout
    assert '<html lang="ko">' in page
    assert '"Noto Sans CJK KR"' in page and '"Apple SD Gothic Neo"' in page and '"Malgun Gothic"' in page
    text = visible_text(page)
    assert "ana 님의 스킨케어 계획" in text
    assert "2026년 11월 23일 ~ 2027년 2월 14일" in text  # CLDR's long dates
    assert "11월 23일~29일" in text  # CLDR's interval
    assert "레티놀" in text and "자외선 차단제" in text and "아이크림" in text
    assert english_runs(text, "ana") == []
    assert "`" not in text and "milia resume" not in text  # people's words in Korean too


def test_lang_after_the_command_and_the_profile_alone(milia):
    milia.write_profile()
    after = milia("export", "html", "--lang", "ko")
    assert '<html lang="ko">' in after.stdout
    milia.write_profile(KO_PROFILE)
    alone = milia("export", "html")
    assert '<html lang="ko">' in alone.stdout
    md = milia("export", "md")
    assert "# ana 님의 스킨케어 계획" in md.stdout and "굵은 글씨" in md.stdout
    overridden = milia("export", "html", "--lang", "en")
    assert '<html lang="en">' in overridden.stdout and hangul(visible_text(overridden.stdout)) == 0
    assert '<html lang="en">' in milia("--lang", "en", "export", "html").stdout


def test_the_locale_alone_gives_korean(milia, home):
    milia.write_profile()
    env = fake_env(vars={"LANG": "ko_KR.UTF-8"})
    res = milia("export", "html", env=env)
    assert '<html lang="ko">' in res.stdout
    c = fake_env(vars={"LANG": "ko_KR.UTF-8", "LC_ALL": "C"})
    assert '<html lang="en">' in milia("export", "html", env=c).stdout


def test_report_in_korean(milia):
    milia.write_profile()
    res = milia("report", "--lang", "ko", today=on(5))
    assert res.exit_code == 0, res.output
    assert '<html lang="ko">' in res.stdout
    text = visible_text(res.stdout)
    assert "ana 님의 경과 보고서" in text and "현재 적용 중인 알림" in text
    assert english_runs(text, "ana") == []
    assert milia("report", today=on(5)).stdout.count('<html lang="en">') == 1


def test_batch_gives_each_client_its_language(milia, tmp_path):
    clients = tmp_path / "clients"
    clients.mkdir()
    (clients / "ana.toml").write_text(BASE_PROFILE)
    (clients / "mina.toml").write_text(KO_PROFILE.replace('name = "ana"', 'name = "Mina"'))
    out = tmp_path / "out"
    res = milia("batch", str(clients), "--format", "html", "-o", str(out))
    assert res.exit_code == 0, res.output
    assert '<html lang="en">' in (out / "ana.html").read_text()
    assert '<html lang="ko">' in (out / "mina.html").read_text()
    res = milia("batch", str(clients), "--format", "report", "-o", str(tmp_path / "r"), "--lang", "ko")
    assert res.exit_code == 0, res.output
    assert all('<html lang="ko">' in p.read_text() for p in (tmp_path / "r").iterdir())


def test_a_korean_handout_reads_korean_for_every_sample_profile():
    from pathlib import Path

    from conftest import REPO

    for path in sorted(Path(REPO / "profiles").glob("*.toml")):
        prof = parse_profile(path.read_bytes(), path.name)
        plan = build_plan(prof, EMPTY_LOG, weeks=12, today=prof.schedule.start)
        text = visible_text(export_html(plan, prof, lang="ko"))
        assert hangul(text) > 800, path.name
        assert english_runs(text, prof.name) == [], path.name
        report = visible_text(export_report_html(report_for(prof, the_log(), on(TODAY_OFFSET), 12), lang="ko"))
        assert english_runs(report, prof.name) == [], path.name


def test_korean_dates_and_numbers_follow_cldr():
    from datetime import date

    day = date(2026, 12, 2)
    assert i18n.format_day(day, "day-weekday", "ko") == "12월 2일 수요일"
    assert i18n.format_day(day, "full", "ko") == "2026년 12월 2일 수요일"
    assert i18n.weekday_names("ko") == ("월", "화", "수", "목", "금", "토", "일")
    assert i18n.format_percent(0.83, "ko") == "83%" and i18n.format_percent(0.83, "en") == "83 %"
    report = export_report_html(report_for(parse_profile(BASE_PROFILE.encode(), "t"), the_log(), on(TODAY_OFFSET), 12),
                                lang="ko")
    assert re.search(r"\d+%", visible_text(report))  # a Korean percentage: no space before %


# -- today, checkin and plan (part 2) -------------------------------------------------------------
def cells(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_today_in_korean_with_cldr_dates(milia):
    from datetime import date

    milia.write_profile()
    res = milia("--lang", "ko", "today", today=date(2026, 12, 2))
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert out.startswith("2026년 12월 2일 수요일 · 2주차 3일째 · ana")  # CLDR date and weekday
    for word in ("아침", "저녁", "순한 클렌저", "자외선 차단제", "아이크림", "알림", "주의"):
        assert word in out, word
    assert english_runs(out, "ana") == []
    assert milia("today", "--lang", "ko", today=date(2026, 12, 2)).stdout == out  # after the command too


def test_today_follows_the_profile_and_the_locale(milia):
    from datetime import date

    milia.write_profile(KO_PROFILE)
    assert milia("today", today=date(2026, 12, 2)).stdout.startswith("2026년 12월 2일 수요일")
    english = milia("--lang", "en", "today", today=date(2026, 12, 2)).stdout
    assert english.startswith("Wednesday 2026-12-02 · week 2, day 3 · ana") and hangul(english) == 0
    milia.write_profile()
    env = fake_env(date(2026, 12, 2), vars={"LANG": "ko_KR.UTF-8"})
    assert milia("today", env=env).stdout.startswith("2026년 12월 2일 수요일")


def test_korean_lines_fit_the_terminal_in_cells(milia):
    from datetime import date

    milia.write_profile()
    for width in (40, 60, 80):
        for args in (["today"], ["plan", "--weeks", "4"], ["plan", "--weeks", "4", "--notices"]):
            env = fake_env(date(2026, 12, 16), vars={"COLUMNS": str(width)})
            out = milia("--lang", "ko", *args, env=env).stdout
            assert hangul(out) > 50
            wide = [line for line in out.splitlines() if cells(line) > width and " " in line.strip()]
            assert wide == [], (width, args, wide[:3])


def test_checkin_answers_in_korean(milia):
    from datetime import date

    milia.write_profile(KO_PROFILE)
    res = milia("checkin", "--all", "--irritation", "2", "--count", "12", today=date(2026, 12, 1), tty=True)
    assert res.exit_code == 0, res.output
    assert "12월 1일 (화) 저장:" in res.stdout and "자극 2" in res.stdout and "12개" in res.stdout
    assert "규칙 B6" in res.stderr and "2026년 12월 8일 전에는 산 성분을 쓰지 않습니다" in res.stderr
    assert english_runs(res.stdout + res.stderr) == []
    severe = milia("checkin", "--all", "--irritation", "3", "--note", "swollen eyelids", today=date(2026, 12, 2))
    assert "긴급" in severe.stderr and "규칙 B7" in severe.stderr and "`milia resume --healed" in severe.stderr
    assert english_runs(severe.stderr) == []
    after = milia("today", today=date(2026, 12, 3)).stdout
    assert "중단 B7" in after and "2026년 12월 2일 수요일 중단" in after


def test_interactive_checkin_asks_in_korean(milia):
    import io
    from datetime import date

    milia.write_profile(KO_PROFILE)
    env = fake_env(date(2026, 11, 24), tty=True)
    env.stdin = io.StringIO("y\n1\n10\n\n")
    res = milia("checkin", env=env)
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "11월 24일 (화) 체크인(1주차)" in out and "모두 하셨나요? [Y/n]" in out and "1 약함(건조, 당김)" in out
    assert "오늘 자극, 0-3 또는 단어 [Enter = 비워 두기]" in out
    assert "11월 24일 (화) 저장:" in out


def test_plan_in_korean(milia):
    from datetime import date

    milia.write_profile(KO_PROFILE)
    res = milia("plan", "--weeks", "4", today=date(2026, 12, 2))
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "2주차 · 11월 30일 – 12월 6일 · 레티놀 주 2회" in out
    assert "12월 2일 (수) ◀ 오늘" in out and "아침, 매일:" in out and "날짜" in out
    assert "레티놀" in out and "클렌징" in out and english_runs(out, "ana") == []


def test_an_interruption_is_said_in_korean(milia):
    from datetime import date

    milia.write_profile(KO_PROFILE)
    env = fake_env(date(2026, 11, 24), tty=True)  # no answers: end of input at the first prompt
    res = milia("checkin", env=env)
    assert res.exit_code == 130 and res.stderr.strip() == "중단되었습니다. 아무것도 바뀌지 않았습니다."


# -- why and the errors (part 3) ----------------------------------------------------------------
def test_why_in_korean(milia):
    milia.write_profile(KO_PROFILE)
    rule = milia("why", "B7").stdout
    assert rule.startswith("B7 — 심한 자극 후에는 중단")
    for word in ("조건:", "내용:", "단계:", "출처:", "D(milia의 설계 기본값"):
        assert word in rule, word
    step = milia("why", "retinol").stdout
    assert step.startswith("레티놀의 이유: 바탕이 되는 규칙")
    index = milia("--lang", "ko", "why").stdout
    assert "진단하지 않고, 필요할 때는 꼭 진료 권유" in index and "(진료 권유)" in index
    for out in (rule, step, index):
        # the sources' own names (AAD, adapalene label, MotherToBaby…) are references, kept as written
        assert english_runs(out.split("출처:")[0] if "출처:" in out else out) == []


@pytest.mark.parametrize("args,korean", [
    (["--profile", "nobody", "today"], "프로필 'nobody'이(가) 없습니다"),
    (["checkin", "--irritation", "7"], "자극 7은(는) 범위를 벗어났습니다"),
    (["profile", "set", "skin.type", "oilyy"], "('oily'을(를) 말씀하신 건가요?). 허용: normal, dry"),
    (["profile", "set", "skin.typ", "dry"], "알 수 없는 프로필 키 'skin.typ' — 'skin.type'을(를) 말씀하신 건가요?"),
    (["today", "--date", "2026-13-01"], "올바른 날짜가 아닙니다"),
    (["why", "B99"], "단계도 규칙도 아닙니다"),
    (["report", "--weeks", "0"], "--weeks는 1에서 104 사이여야 합니다"),
    (["export", "html", "--weeks", "0"], "--weeks는 1에서 520 사이여야 합니다"),
    (["checkin", "--done", "retinl"], "단계가 아닙니다 ('retinol'을(를) 말씀하신 건가요?)"),
])
def test_errors_are_one_korean_sentence(milia, args, korean):
    milia.write_profile()
    res = milia("--lang", "ko", *args)
    assert res.exit_code in (1, 2), res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("milia: "), res.stderr
    assert korean in lines[0], lines[0]
    english = milia("--lang", "en", *args)
    assert english.exit_code == res.exit_code and hangul(english.stderr) == 0


def test_a_broken_profile_is_said_in_the_locale_language(milia, home):
    path = milia.write_profile()
    path.write_text(BASE_PROFILE.replace('type = "combination"', 'type = "oilyy"'))
    res = milia("today", env=fake_env(vars={"LANG": "ko_KR.UTF-8"}))
    assert res.exit_code == 1 and "키 'skin.type'이(가) 'oilyy'입니다" in res.stderr


def test_json_errors_keep_english_and_the_code(milia):
    milia.write_profile(KO_PROFILE)
    res = milia("today", "--json", "--date", "nope")
    assert res.exit_code == 2
    error = json.loads(res.stderr)
    assert error["code"] == "common.bad_date" and error["message"].startswith("--date 'nope' is not a real date")
