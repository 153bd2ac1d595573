"""Issue 17, item 3: the commands outside the daily path speak Korean too.

`check`, `clients`, `doctor`, `stats`, `sync`, `shelf list/show`, `profile show`, `init`'s wizard and
`triage`'s questions, under `--lang ko` (before or after the command), the profile's `lang` or a ko
locale: Korean where a person reads, no English sentence of the English run left in the Korean one,
and the JSON (for scripts) the same in both languages. What stays as written: names (a person's, a
product's, the INCI names), rule and step ids, option names, the sources and regulations cited, and
the EU label's mandated English wording.
"""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from conftest import BASE_PROFILE, fake_env
from milia_cli.render.text import cells
from tests.support.i18n import english_runs, hangul, left_in_english, without_lines, without_paths

KO_PROFILE = BASE_PROFILE.replace('birth_year = 1994\n', 'birth_year = 1994\nlang = "ko"\n')
INCI = ("Aqua, Retinol, Glycolic Acid, Salicylic Acid, Paraffinum Liquidum, Dimethicone, Limonene, "
        "Walnut Shell Powder")
NAMES = ("Aqua", "Retinol", "Glycolic Acid", "Salicylic Acid", "Paraffinum Liquidum", "Dimethicone", "Limonene",
         "Walnut Shell Powder", "Glow Toner", "Consider your daily intake before use", "Contains Vitamin A",
         "Commission Decision", "European Union", "Regulation", "Europe/Berlin", "ana")
SOURCES = ("source:", "출처:")


def both(milia, *args, **kw):
    """The same command in English and in Korean (`--lang` after the command's words, as typed)."""
    return milia(*args, "--lang", "en", **kw), milia(*args, "--lang", "ko", **kw)


def assert_korean(en, ko, *, least: int = 20, names: tuple[str, ...] = NAMES):
    assert en.exit_code == ko.exit_code, (en.output, ko.output)
    en_text, ko_text = (without_paths(without_lines(r.stdout + r.stderr, *SOURCES)) for r in (en, ko))
    assert hangul(en_text) == 0, en_text
    assert hangul(ko_text) >= least, ko_text
    assert english_runs(ko_text, *names) == [], ko_text
    assert left_in_english(en_text, ko_text, *names) == []


def assert_same_json(milia, *args, **kw):
    en, ko = milia("--lang", "en", *args, "--json", **kw), milia("--lang", "ko", *args, "--json", **kw)
    assert en.exit_code == ko.exit_code
    assert en.stdout == ko.stdout and json.loads(en.stdout)
    return json.loads(en.stdout)


# -- check ---------------------------------------------------------------------------------------
def test_check_in_korean(milia):
    milia.write_profile()
    args = ("check", INCI, "--step", "eye-cream", "--percent", "glycolic=12")
    en, ko = both(milia, *args)
    assert ko.exit_code == 3  # a stop fired, in either language
    assert_korean(en, ko, least=400)
    out = ko.stdout
    for words in ("프로필 'default' 기준으로 확인했습니다(임신: 없음)", "들어 있는 성분:", "레티노이드(비타민 A 유도체): Retinol",
                  "이 프로필에 대해:", "중단 B8", "EU 규정(CosIng 부속서):", "부속서 III 항목 376",
                  "중단 규칙이 적용되었습니다", "아이크림"):
        assert words in out, words
    # the findings' sources hang under their text, in display cells (a Hangul syllable is two)
    finding, source = next((a, b) for a, b in zip(out.splitlines(), out.splitlines()[1:], strict=False)
                           if "B8" in a)
    assert source.index("출처:") == cells(finding[:finding.index("눈가")])
    doc = assert_same_json(milia, *args)
    assert doc["schema"] == "milia.check/1" and doc["findings"][0]["text"].startswith("Contains")


def test_check_without_a_profile_and_its_errors_in_korean(milia, tmp_path):
    en, ko = both(milia, "check", "Aqua, Glycerin")
    assert_korean(en, ko)
    assert "프로필 없이 확인했습니다" in ko.stdout
    missing = str(tmp_path / "nope.txt")
    en, ko = both(milia, "check", "--file", missing)
    assert ko.exit_code == 1 and ko.stderr.startswith("milia: 성분 목록 ") and ko.stderr.count("\n") == 1
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n")
    ko = milia("--lang", "ko", "check", "--file", str(empty))
    assert f"성분 목록 ({empty})이 비어 있습니다" in ko.stderr
    assert milia("--lang", "ko", "check").stderr.startswith("milia: 성분 목록을 주세요")


# -- clients -------------------------------------------------------------------------------------
@pytest.fixture
def desk(milia, tmp_path):
    """A folder of three: an irritated client, a quiet one, and a file that cannot be read."""
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "ana.toml").write_text(BASE_PROFILE)
    (folder / "mina.toml").write_text(KO_PROFILE.replace('name = "ana"', 'name = "Mina"'))
    (folder / "broken.toml").write_text("schema = 1\nname = 3\n")
    ana = str(folder / "ana.toml")
    milia("-f", ana, "checkin", "--all", "--irritation", "2", today=date(2026, 11, 25))
    milia("-f", ana, "event", "add", "--kind", "laser", "--date", "2026-11-30", today=date(2026, 11, 25))
    return folder


def test_clients_in_korean_piped_and_on_a_terminal(milia, desk):
    day = date(2026, 11, 27)
    en, ko = both(milia, "clients", str(desk), today=day)
    assert_korean(en, ko, names=NAMES + ("Mina",))
    assert ko.stdout.splitlines()[0].split() == ["고객", "파일", "주차", "레티놀", "산", "성분", "최근", "체크인", "14일",
                                                 "확인할", "점"]
    assert "2026-11-25 자극 2" in ko.stdout and "3일 뒤 레이저" in ko.stdout and "읽을 수 없음:" in ko.stdout
    assert "고객 파일 3개: 1명 확인 필요; 1개는 읽지 못했습니다(맨 아래에 표시)." in ko.stderr
    tty = {k: milia("clients", str(desk), "--lang", k, env=fake_env(day, tty=True, vars={"COLUMNS": "120"}))
           for k in ("en", "ko")}
    assert_korean(tty["en"], tty["ko"], names=NAMES + ("Mina",))
    assert "레티놀, 산 성분: 이번 주 주당 저녁 횟수" in tty["ko"].stdout
    assert_same_json(milia, "clients", str(desk), today=day)


# -- doctor --------------------------------------------------------------------------------------
def test_doctor_in_korean(milia, home):
    path = milia.write_profile()
    en, ko = both(milia, "doctor")
    assert ko.exit_code == 0 and ko.stdout.startswith(f"{home}에 문제가 없습니다: 프로필 1개, 기록 데이터베이스 ")
    assert_korean(en, ko, least=10)
    path.chmod(0o644)
    (home / "profiles" / "broken.toml").write_text("schema = 1\nname = 3\n")
    en, ko = both(milia, "doctor")
    assert ko.exit_code == 1
    assert_korean(en, ko)
    assert "경고: " in ko.stdout and "오류: " in ko.stdout and "키 'name'이(가) 3입니다" in ko.stdout
    assert "`milia doctor --fix`를 실행하면" in ko.stderr
    assert_same_json(milia, "doctor")
    fixed = milia("doctor", "--fix", "--lang", "ko")
    assert "고침: " in fixed.stdout and "(이제 모드 600)" in fixed.stdout


# -- stats ---------------------------------------------------------------------------------------
def test_stats_in_korean(milia):
    milia.write_profile()
    for day, irritation in ((23, 0), (24, 0), (25, 2), (26, 0)):
        milia("checkin", "--all", "--irritation", str(irritation), "--count", "5", today=date(2026, 11, day))
    en, ko = both(milia, "stats", today=date(2026, 11, 27))
    assert_korean(en, ko, least=150, names=NAMES + ("default", "am", "pm", "SPF"))
    out = ko.stdout
    for words in ("default 통계: 2026년 11월 23일 ~ 2026년 11월 27일", "실천율", "2026년 11월", "월 화 수 목 금 토 일",
                  "● 완료", "자극(0–3)", "새 돌기: 이 기간에 기록된 것이 없습니다.", "레티놀: 1주차(2026년 11월 23일): 주 2회",
                  "pm 레티놀"):
        assert words in out, words
    assert "December" not in out and "November" not in out
    assert_same_json(milia, "stats", today=date(2026, 11, 27))
    assert milia("stats", today=date(2026, 11, 27), env=fake_env(date(2026, 11, 27), vars={"LANG": "ko_KR.UTF-8"})
                 ).stdout == out  # the locale alone


# -- shelf and profile show ----------------------------------------------------------------------
def test_shelf_list_and_show_in_korean(milia):
    milia.write_profile()
    milia("shelf", "add", "Glow Toner", "--step", "pm:exfoliate", "--inci", "Aqua, Glycolic Acid")
    milia("shelf", "add", "Eye Gel", "--step", "eye-cream", "--inci", "Aqua, Retinol")
    names = NAMES + ("Eye Gel", "pm exfoliate", "eye cream")
    en, ko = both(milia, "shelf", "list")
    assert_korean(en, ko, least=4, names=names)
    assert "사용 안 함: B8" in ko.stdout and "  사용" in ko.stdout
    en, ko = both(milia, "shelf", "show", "Eye Gel")
    assert_korean(en, ko, names=names)
    assert "단계: eye cream" in ko.stdout and "중단: B8 — 눈가 제품에 레티노이드(Retinol)가" in ko.stdout
    assert_same_json(milia, "shelf", "list")
    assert_same_json(milia, "shelf", "show", "Glow Toner")


def test_profile_show_in_korean(milia):
    milia.write_profile(KO_PROFILE.replace("eczema_or_rosacea = false", "eczema_or_rosacea = true"))
    en, ko = both(milia, "profile", "show")
    assert_korean(en, ko)
    out = ko.stdout
    for words in ("프로필 ", "피부", "복합성", "임신 아님", "비립종 부위", "윗눈꺼풀, 눈 밑, 볼 (2026-09-01부터)",
                  "메이크업 예 · 눈 밑 컨실러 예 · 흡연 아니요", "습진 또는 주사", "2026-11-23(월요일) 시작"):
        assert words in out, words
    assert milia("profile", "show").stdout == out  # the profile's lang alone
    assert_same_json(milia, "profile", "show")


# -- init's wizard and triage's questions --------------------------------------------------------
def test_the_init_wizard_asks_in_korean(milia, home):
    answers = "Mina\nfoo\ndry\n\n\n\n\n\n\n1890\n\n" + "\n" * 11
    runs = {}
    for lang in ("en", "ko"):
        env = fake_env(date(2026, 11, 27), tty=True, vars={"TZ": "Asia/Seoul"})
        env.stdin = io.StringIO(answers)
        runs[lang] = milia("--profile", f"mina-{lang}", "init", "--lang", lang, env=env)
        assert runs[lang].exit_code == 0, runs[lang].output
    from milia_cli.profile_schema import AREAS, PREGNANCY, SKIN_TYPES

    choices = AREAS + PREGNANCY + SKIN_TYPES  # what one types
    assert_korean(runs["en"], runs["ko"], names=NAMES + choices + ("Mina", "Asia/Seoul", "YYYY-MM-DD", "HH:MM"))
    out = runs["ko"].stdout
    for words in ("milia에 오신 것을 환영합니다.", "이름(안내문에 표시) [mina-ko]:", "'foo'은(는) 피부 타입이 아닙니다",
                  "피부 타입(normal / dry / oily / combination / sensitive) [combination]:", "비립종이 어디에 생기나요?",
                  "'1890'", "거의 매일 메이크업을 하시나요? [y/N]:"):
        assert words in out, words
    assert (home / "profiles" / "mina-ko.toml").read_text().replace("mina-ko", "X") == \
        (home / "profiles" / "mina-en.toml").read_text().replace("mina-en", "X")  # the same answers, the same file


def test_triage_asks_in_korean(milia):
    answers = "white\n1\nunder-eyes\n\nmaybe\nn\n" + "\n" * 14
    runs = {}
    for lang in ("en", "ko"):
        env = fake_env(date(2026, 11, 27), tty=True)
        env.stdin = io.StringIO(answers)
        runs[lang] = milia("triage", "--lang", lang, env=env)
        assert runs[lang].exit_code == 0, runs[lang].output
    names = NAMES + ("white, yellow, skin, red, brown, black, multicoloured, pearly, translucent",
                     "upper-eyelids, under-eyes, cheeks, nose, forehead, chin, chest, back, arms")
    assert_korean(runs["en"], runs["ko"], names=names)
    out = runs["ko"].stdout
    assert "돌기의 색(white, yellow" in out and "[y/n]:" in out and "고름이 든 것이 있나요" in out
    assert_same_json(milia, "triage", "--colour", "white", "--size-mm", "1")


# -- sync ----------------------------------------------------------------------------------------
def test_sync_errors_in_korean(milia):
    milia.write_profile(KO_PROFILE)
    res = milia("sync", "caldav", "--url", "ftp://x", "--calendar", "c")
    assert res.exit_code == 2 and "--url은 CalDAV 서버의 http:// 또는 https:// 주소여야 합니다" in res.stderr
    env = fake_env(vars={"MILIA_CALDAV_USER": "ana"})
    res = milia("sync", "caldav", "--url", "https://dav.example", "--calendar", "c", "--lang", "ko", env=env)
    assert "MILIA_CALDAV_USER와 MILIA_CALDAV_PASSWORD를 둘 다 설정하거나" in res.stderr


@pytest.mark.slow
def test_sync_dry_run_in_korean(milia, tmp_path):
    pytest.importorskip("radicale", reason="radicale is not installed: pip install -e '.[test]' brings it")
    pytest.importorskip("caldav", reason="caldav is not installed: pip install -e '.[test]' brings it")
    from tests.support.caldav import creds
    from tests.support.caldav_server import start_radicale, stop

    (tmp_path / "radicale").mkdir()
    server = start_radicale(tmp_path / "radicale")
    try:
        milia.write_profile()
        args = ("sync", "caldav", "--url", server.url, "--calendar", "Dry", "--dry-run")
        runs = {lang: milia(*args, "--lang", lang, env=fake_env(vars=creds())) for lang in ("en", "ko")}
        # the events' titles are the calendar's, and calendars stay English (README: Languages)
        summaries = tuple({line.split(": ", 1)[0].split(" ", 3)[-1] for line in runs["en"].stdout.splitlines()
                           if line.startswith("  ")})
        assert_korean(runs["en"], runs["ko"], least=10, names=NAMES + summaries + ("Dry",))
        assert "  추가 " in runs["ko"].stdout and "'Dry' 동기화 예정: 추가 " in runs["ko"].stdout
        en, ko = (milia(*args, "--json", "--lang", lang, env=fake_env(vars=creds())) for lang in ("en", "ko"))
        assert en.stdout == ko.stdout
    finally:
        stop(server)
