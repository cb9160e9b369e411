"""`quizapp import gift` over a corpus written from Moodle's GIFT documentation, and broken files."""
from __future__ import annotations

import pytest
import yaml
from interop_support import CORPUS, load

GIFT = CORPUS / "gift" / "every-construct.gift"


def test_every_construct_gives_the_reviewed_bank(quizapp, tmp_path):
    out = tmp_path / "every-construct.yaml"
    result = quizapp("import", "gift", GIFT, "-o", out)
    assert result.exit_code == 0, result.output
    # every-construct.yaml was read question by question against the GIFT file; any change shows here.
    assert out.read_text() == (CORPUS / "gift" / "every-construct.yaml").read_text()
    assert load(out).id == "every-construct"


def test_conversions_and_skips_are_reported_with_locations(quizapp, tmp_path):
    result = quizapp("import", GIFT, "-o", tmp_path / "b.yaml")
    lines = result.stderr.splitlines()
    name = str(GIFT)
    assert f"{name}:14:1: warning: converted: partial credit for 'Imjin' cannot be expressed; counted as wrong" in lines
    assert f"{name}:50:1: warning: converted: partial-credit answers '1953:1' cannot be expressed; dropped" in lines
    assert any(ln.startswith(f"{name}:74:1: warning: skipped: question 'Essay': an essay") for ln in lines)
    assert any(ln.startswith(f"{name}:76:1: warning: skipped: question 'Description': a description") for ln in lines)
    assert f"{name}:82:3: warning: converted: extra right-hand answer 'Japan' (a distractor) cannot be expressed; dropped" in lines
    assert f"{name}:86:1: warning: converted: several full-credit answers: all of them are now required (select all that apply)" in lines
    assert f"{name}:88:1: warning: converted: weights 70%, 30% become all-or-nothing: every answer with positive weight must be chosen" in lines
    assert f"{name}:90:1: warning: converted: partially accepted answers 'Soul' cannot be expressed; dropped" in lines
    assert lines[-1] == "25 imported, 6 converted, 2 skipped"


def test_verbose_lists_each_question_with_its_input_line(quizapp, tmp_path):
    result = quizapp("import", GIFT, "-o", tmp_path / "b.yaml", "-v")
    assert f"{GIFT}:7:1: imported as capital (multiple_choice)" in result.stderr.splitlines()


def test_output_is_written_as_a_teacher_writes_yaml(quizapp, tmp_path):
    out = tmp_path / "b.yaml"
    quizapp("import", GIFT, "-o", out)
    text = out.read_text()
    assert "  - id: capital\n    type: multiple_choice\n    prompt: What is the capital of South Korea?\n" in text
    assert "    choices: [Seoul, Busan, Incheon]\n" in text
    assert "'" not in text.split("id: escapes")[0].replace("'s", "")  # no quotes where none are needed


def test_split_categories_writes_a_bank_per_category(quizapp, tmp_path):
    result = quizapp("import", GIFT, "-o", tmp_path / "out", "--split-categories")
    assert result.exit_code == 0, result.output
    geography = load(tmp_path / "out" / "default-for-korea-geography.yaml")
    numbers = load(tmp_path / "out" / "default-for-korea-numbers.yaml")
    assert (geography.title, geography.deck) == ("Geography", "Default for Korea::Geography")
    assert [q.id for q in numbers.questions][:2] == ["population", "founded"]
    assert not any(q.tags for q in geography.questions)


def test_reimporting_an_updated_file_keeps_the_ids_of_unchanged_questions(quizapp, tmp_path):
    first = tmp_path / "v1.gift"
    first.write_text("::Capital:: Capital of Korea? {=Seoul ~Busan}\n\nWhat is 2 + 2? {#4}\n\n"
                     "Which sea lies east of Korea? {=East Sea ~Yellow Sea}\n")
    quizapp("import", first, "-o", tmp_path / "v1.yaml")
    second = tmp_path / "v2.gift"
    second.write_text("A new first question about rivers? {=Han ~Amnok}\n\n"
                      "::Capital:: Capital of South Korea? {=Seoul ~Busan ~Daegu}\n\n"
                      "Which sea lies east of Korea? {=East Sea ~Yellow Sea ~South China Sea}\n\nWhat is 2 + 2? {#4}\n")
    quizapp("import", second, "-o", tmp_path / "v2.yaml")
    ids1 = {q.id for q in load(tmp_path / "v1.yaml").questions}
    ids2 = [q.id for q in load(tmp_path / "v2.yaml").questions]
    assert ids1 == {"capital", "what-is-2-2", "which-sea-lies-east-of-korea"}
    assert ids1 < set(ids2)


BROKEN = {
    "unclosed-answer.gift": "3:26: error: answer block opened with '{' is not closed by '}'",
    "unclosed-title.gift": "1:1: error: title started with '::' is not closed by '::'",
    "two-blocks.gift": "1:28: error: a question has one answer block",
    "bad-number.gift": "2:19: error: 'lots' is not a number",
    "garbage-answer.gift": "1:23: error: answer block starts with 'hello'",
    "latin1.gift": "1:11: error: not valid UTF-8 (byte 0xe9)",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_gift_is_a_located_error_and_writes_nothing(quizapp, tmp_path, name):
    out = tmp_path / "bank.yaml"
    result = quizapp("import", "gift", CORPUS / "broken" / name, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{CORPUS / 'broken' / name}:{BROKEN[name]}")
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_an_existing_bank_is_left_alone_when_the_input_is_broken(quizapp, tmp_path):
    out = tmp_path / "bank.yaml"
    out.write_text("keep me\n")
    quizapp("import", "gift", CORPUS / "broken" / "two-blocks.gift", "-o", out)
    assert out.read_text() == "keep me\n"


def test_a_file_with_only_essays_writes_nothing(quizapp, tmp_path):
    gift = tmp_path / "essays.gift"
    gift.write_text("Write about Seoul. {}\n")
    result = quizapp("import", gift, "-o", tmp_path / "b.yaml")
    assert result.exit_code == 1 and "nothing written" in result.stderr
    assert not (tmp_path / "b.yaml").exists()


def test_yaml_special_values_stay_text(quizapp, tmp_path):
    gift = tmp_path / "t.gift"
    gift.write_text("::Yes:: Which answer? {=yes ~no ~null ~2024-05-01}\n")
    quizapp("import", gift, "-o", tmp_path / "b.yaml")
    question = yaml.safe_load((tmp_path / "b.yaml").read_text())["questions"][0]
    assert question["choices"] == ["yes", "no", "null", "2024-05-01"] and question["answer"] == "yes"


def test_terminal_escapes_in_the_input_never_reach_the_terminal(quizapp, tmp_path):
    gift = tmp_path / "evil.gift"
    gift.write_text("::T:: Pick one. {=a ~%50%b\x1b]0;owned\x07 ~c}\n\nEssay\x1b[2J here. {}\n")
    result = quizapp("import", gift, "-o", tmp_path / "b.yaml")
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "partial credit for 'b" in result.stderr


def test_moodle_file_store_images_are_reported(quizapp, tmp_path):
    gift = tmp_path / "pic.gift"
    gift.write_text('::Pic::[html]<p>Which flag? <img src="@@PLUGINFILE@@/flag.png" alt="a flag"></p>{=Korea ~Japan}\n\n'
                    "::Gap::[html]<p>The <img src=\"@@PLUGINFILE@@/x.png\"> flag is {=Korean} today.</p>\n")
    result = quizapp("import", gift, "-o", tmp_path / "b.yaml")
    assert result.exit_code == 0
    assert load(tmp_path / "b.yaml").questions[0].prompt == "Which flag? ![a flag](@@PLUGINFILE@@/flag.png)"
    notes = [ln for ln in result.stderr.splitlines() if "file store" in ln]
    assert notes == [f"{gift}:1:1: warning: converted: image '@@PLUGINFILE@@/flag.png' stays in Moodle's file store; "
                     "put the file beside the bank and change the path",
                     f"{gift}:3:1: warning: converted: image '@@PLUGINFILE@@/x.png' stays in Moodle's file store; "
                     "put the file beside the bank and change the path"]
