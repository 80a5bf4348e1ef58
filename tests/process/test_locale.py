"""The catalogue reaching the reader of a real process: a Vietnamese locale, and a zipapp that
reads its catalogue from inside the zip."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from tests.environment import ROOT, complete, digiday, process_env

pytestmark = pytest.mark.locale
PACKAGE = ROOT / "digiday"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["countdown", "--nope"], "digiday: không có tùy chọn '--nope'"),
        (["cuntdown"], "digiday: không có lệnh 'cuntdown' (có phải ý bạn là countdown?)"),
        (["countdown", "--date"], "digiday: tùy chọn --date cần một giá trị"),
        (["countdown", "--json=yes"], "digiday: tùy chọn --json không nhận giá trị"),
        (["validate", "--data"], "digiday: không có tùy chọn '--data'"),
        (["themes", "2024", "2025"], "digiday: thừa đối số: '2025'"),
        (["themes", "hai"], "digiday: không phải một năm 'hai'"),
        (["agencies", "--role", "boss"], "digiday: vai trò không hợp lệ 'boss'"),
        (["--lang", "fr", "countdown"], "digiday: ngôn ngữ không hợp lệ 'fr' ở --lang"),
    ],
)
def test_usage_errors_in_a_vietnamese_locale(args: list[str], expected: str) -> None:
    result = digiday(*args, env={"LANG": "vi_VN.UTF-8"})
    assert result.returncode == 2
    stderr = result.stderr.decode("utf-8")
    assert stderr.startswith(expected), stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr


@pytest.mark.skipif(
    not (PACKAGE / "l10n/locale/vi/LC_MESSAGES/digiday.mo").exists(), reason="no .mo"
)
def test_a_zipapp_speaks_vietnamese(tmp_path: Path) -> None:
    # gettext cannot open a catalogue inside a zip; the tool reads it as bytes.
    app = tmp_path / "digiday.pyz"
    with zipfile.ZipFile(app, "w") as archive:
        archive.writestr("__main__.py", "from digiday.__main__ import main\nmain()\n")
        for path in PACKAGE.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, f"digiday/{path.relative_to(PACKAGE)}")
        for path in (PACKAGE.parent / "data").glob("*.yaml"):
            archive.write(path, f"digiday/data/{path.name}")
    probe = [sys.executable, "-I", str(app)]
    where = complete(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(app)!r}); "
         "import digiday; print(digiday.__file__)"],
        capture_output=True, text=True, env=process_env(), timeout=60, check=False,
    )  # fmt: skip
    assert str(app) in where.stdout, where
    result = complete(
        [*probe, "countdown", "--date", "2026-11-28", "--lang", "vi", "--plain"],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("316\t2027-10-10\tChủ Nhật\t")
    usage = complete(
        [*probe, "countdown", "--help", "--lang", "vi"],
        capture_output=True,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert "Tùy chọn:" in usage.stdout.decode()


def test_help_is_vietnamese_in_a_vietnamese_locale() -> None:
    # The locale of a real process, as a user's shell gives it.
    in_locale = digiday("--help", env={"LANG": "vi_VN.UTF-8"})
    assert "Lệnh:\n".encode() in in_locale.stdout
