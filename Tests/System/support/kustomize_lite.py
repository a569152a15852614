"""Renders a kustomization with just the features deploy/kubernetes uses, for
machines without kustomize (Debian has no package for it): `resources` (files
and directories holding a kustomization), `namespace`, and `patches` that are
JSON 6902 operations (inline `patch` or `path`) on a `target` kind and name.
Anything else in a kustomization is an error, so a new feature cannot be
silently ignored. test_kubernetes checks the output against `kubectl kustomize`
where kubectl is installed.
"""
import copy
import os

import yaml

SUPPORTED = {"apiVersion", "kind", "resources", "namespace", "patches"}
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass"}


def render(directory):
    """The resources `directory`'s kustomization.yaml builds, as a list of dicts."""
    with open(os.path.join(directory, "kustomization.yaml")) as handle:
        spec = yaml.safe_load(handle)
    unknown = set(spec) - SUPPORTED
    if unknown:
        raise ValueError(f"{directory}: kustomize_lite does not support {sorted(unknown)}")
    resources = []
    for entry in spec.get("resources", []):
        path = os.path.join(directory, entry)
        if os.path.isdir(path):
            resources += render(path)
        else:
            with open(path) as handle:
                resources += [doc for doc in yaml.safe_load_all(handle) if doc]
    for patch in spec.get("patches", []):
        operations = patch.get("patch")
        if operations is None:
            with open(os.path.join(directory, patch["path"])) as handle:
                operations = handle.read()
        targets = [r for r in resources if r["kind"] == patch["target"]["kind"]
                   and r["metadata"]["name"] == patch["target"]["name"]]
        if len(targets) != 1:
            raise ValueError(f"{directory}: patch target {patch['target']} matches {len(targets)} resources")
        for operation in yaml.safe_load(operations):
            apply_operation(targets[0], operation)
    if "namespace" in spec:
        for resource in resources:
            if resource["kind"] not in CLUSTER_SCOPED:
                resource["metadata"]["namespace"] = spec["namespace"]
    return resources


def apply_operation(document, operation):
    """One JSON Patch (RFC 6902) add, replace or remove, in place."""
    *parents, last = [p.replace("~1", "/").replace("~0", "~") for p in operation["path"].split("/")[1:]]
    node = document
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    op = operation["op"]
    value = copy.deepcopy(operation.get("value"))
    if isinstance(node, list):
        index = len(node) if last == "-" else int(last)
        if op == "add":
            node.insert(index, value)
        elif op == "replace":
            node[index] = value
        elif op == "remove":
            del node[index]
        else:
            raise ValueError(f"unsupported op {op}")
    elif op in ("add", "replace"):
        if op == "replace" and last not in node:
            raise KeyError(f"replace of missing {operation['path']}")
        node[last] = value
    elif op == "remove":
        del node[last]
    else:
        raise ValueError(f"unsupported op {op}")
