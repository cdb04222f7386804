"""kg installed as a user installs it (``pip install .``, not editable) into a new virtual environment.

The new environment borrows kg's dependencies from the running interpreter's environment through
a ``.pth`` file, so nothing is downloaded; kg itself is built from a copy of the source tree (so
no ``build/`` or ``*.egg-info`` lands in the repository, and no stale build output leaks into the
wheel) and installed with ``--no-deps``. Use ``install_kg(root, into)``; run the environment's
commands with ``clean_env()``, which keeps a ``PYTHONPATH`` pointing at the source tree out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

# The build backend pyproject.toml asks for. With it in the running environment the wheel is
# built offline (--no-build-isolation); an older setuptools cannot read the project table, so
# pip then builds in isolation and fetches the backend (only it) from the configured index.
SETUPTOOLS_MAJOR = 77
PIP_TIMEOUT = 600  # seconds; a safety net, not a measurement


@dataclass(frozen=True)
class InstalledKg:
    venv: Path
    python: Path
    kg: Path  # the console script


def clean_env() -> dict[str, str]:
    """This process's environment without the variables that would import kg from elsewhere."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def _site_packages(python: Path) -> Path:
    done = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True, env=clean_env())
    return Path(done.stdout.strip())


def _has_modern_setuptools() -> bool:
    try:
        return int(version("setuptools").split(".")[0]) >= SETUPTOOLS_MAJOR
    except ModuleNotFoundError:  # PackageNotFoundError subclasses it
        return False


def install_kg(root: Path, into: Path) -> InstalledKg:
    """Copy kg's source tree from ``root``, build and install it non-editable into a new
    environment under ``into``."""
    source = into / "src"
    shutil.copytree(root / "kg", source / "kg", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(root / name, source / name)
    env_dir = into / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # Plain path lines, not site.addsitedir: the borrowed environment's own .pth files (among
    # them an editable kg's finder) are not run. Every site folder this process sees, so the
    # new environment builds with the setuptools _has_modern_setuptools() found.
    borrowed = dict.fromkeys(p for p in sys.path if Path(p).name in ("site-packages", "dist-packages"))
    (_site_packages(python) / "kg-test-deps.pth").write_text("".join(f"{p}\n" for p in borrowed), encoding="utf-8")
    command = [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--ignore-installed", str(source)]
    if _has_modern_setuptools():
        command.insert(-1, "--no-build-isolation")
    done = subprocess.run(command, capture_output=True, text=True, env=clean_env(), cwd=into, timeout=PIP_TIMEOUT)
    if done.returncode != 0:
        raise RuntimeError(f"pip install of kg failed:\n{done.stdout}\n{done.stderr}")
    return InstalledKg(env_dir, python, env_dir / "bin" / "kg")
