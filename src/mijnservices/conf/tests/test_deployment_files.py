"""The container definition and the example deployments, checked statically: no container
engine can build or run them on the development and CI machines (docs/deployment.md).

hadolint (from PyPI) lints the Containerfile; kubernetes-validate (from PyPI, schemas
included) checks every manifest strictly; and the essentials are asserted by parsing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import kubernetes_validate
import yaml

from mijnservices.testing.api import REPOSITORY_ROOT

DEPLOY = REPOSITORY_ROOT / "deploy"
KUBERNETES_VERSION = "1.37"


def _stages(containerfile: str) -> list[str]:
    lines = [line for line in containerfile.splitlines() if not line.lstrip().startswith("#")]
    return re.split(r"(?m)^FROM ", "\n".join(lines))[1:]


def _manifests() -> list[dict]:
    return [
        doc
        for path in sorted((DEPLOY / "kubernetes").glob("*.yaml"))
        for doc in yaml.safe_load_all(path.read_text())
        if doc
    ]


def test_the_containerfile_passes_hadolint():
    hadolint = Path(sys.executable).with_name("hadolint")
    result = subprocess.run(  # noqa: S603 - the venv's hadolint on our file
        [str(hadolint), "--no-color", str(DEPLOY / "Containerfile")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_is_multi_stage_non_root_and_installs_as_make_install_does():
    stages = _stages((DEPLOY / "Containerfile").read_text())
    assert len(stages) >= 3
    builds, final = "\n".join(stages[:-1]), stages[-1]
    for step in ("npm ci", "npm run --silent build", "pip install", "compile-translations"):
        assert step in builds, f"{step} (a step of `make install`) is missing"
        assert step not in final, f"{step} belongs in a build stage, not the final image"
    assert "apt-get install" not in final and "gcc" not in final and "node" not in final
    user = re.search(r"(?m)^USER (\S+)", final)
    assert user and not user.group(1).startswith(("root", "0")), "the final image runs as a user"
    assert "/healthz" in final


def test_every_kubernetes_manifest_matches_the_schema_strictly():
    for manifest in _manifests():
        kubernetes_validate.validate(manifest, KUBERNETES_VERSION, strict=True)


def test_the_manifests_run_web_worker_and_migrations_with_probes():
    by_name = {(m["kind"], m["metadata"]["name"]): m for m in _manifests()}
    web = by_name[("Deployment", "mijnservices-web")]["spec"]["template"]["spec"]
    [container] = web["containers"]
    assert container["command"] == ["mijnservices", "serve"]
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    worker = by_name[("Deployment", "mijnservices-worker")]["spec"]["template"]["spec"]
    assert worker["containers"][0]["command"] == ["mijnservices", "worker"]
    job = by_name[("Job", "mijnservices-migrate")]["spec"]["template"]["spec"]
    assert job["containers"][0]["command"][:2] == ["mijnservices", "migrate"]
    for pod in (web, worker, job):
        assert pod["securityContext"]["runAsNonRoot"] is True
    config = by_name[("ConfigMap", "mijnservices")]["data"]
    assert config["DOCUMENTEN_STORAGE"] == "s3", "several nodes need shared object storage"
    assert "DATABASE_URL" not in config, "the database URL holds a password: a Secret"
    secret = by_name[("Secret", "mijnservices")]["stringData"]
    from mijnservices.conf.env import REGISTRY

    undeclared = [name for name in [*config, *secret] if name not in REGISTRY]
    assert not undeclared, f"not settings (renamed?): {undeclared}"


def test_the_compose_example_has_migrate_web_and_worker():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) >= {"migrate", "web", "worker"}
    assert "/readyz" in " ".join(services["web"]["healthcheck"]["test"])
    assert services["web"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    env = (DEPLOY / "mijnservices.env.example").read_text()
    from mijnservices.conf.env import REGISTRY

    names = re.findall(r"(?m)^([A-Z_]+)=", env)
    undeclared = [name for name in names if name not in REGISTRY]
    assert names and not undeclared, f"not settings (renamed?): {undeclared}"
