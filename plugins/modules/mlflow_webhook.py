#!/usr/bin/python
# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mlflow_webhook
short_description: Create, update or delete an MLflow model-registry webhook
version_added: 0.1.0
author: mlops.mlflow contributors (@mlops)
description:
  - Makes sure an MLflow 3 webhook of the given name exists with the given URL, events, description and status,
    or does not exist. MLflow then POSTs each event (a version registered, an alias set, a tag set...) to the URL,
    signed with the webhook's secret.
  - MLflow does not keep names unique; this module does. If two runs create the same webhook at once, the later
    one deletes its own and converges the earlier one.
  - MLflow only calls C(https://) URLs with public addresses unless the server runs with
    E(MLFLOW_WEBHOOK_ALLOWED_SCHEMES) and E(MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS=true) (the mlflow_server role's
    C(mlflow_environment)); a URL it refuses fails the task with MLflow's reason.
  - With basic auth, only administrators manage webhooks.
  - A webhook with a secret needs the server to run with a fixed E(MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY) (the
    mlflow_server role's C(mlflow_webhook_secret_key)); without it MLflow cannot read the secret in its other
    worker processes or after a restart, and answers HTTP 500.
extends_documentation_fragment:
  - mlops.mlflow.mlflow
attributes:
  check_mode:
    description: Reports what would change and changes nothing.
    support: full
  diff_mode:
    description: Returns the webhook before and after in RV(diff); never the secret.
    support: full
options:
  name:
    description:
      - Name of the webhook, unique among the server's webhooks.
    type: str
    required: true
  url:
    description:
      - Where MLflow sends the events. Required to create the webhook.
    type: str
  events:
    description:
      - The events to send, as C(entity.action). Required to create the webhook.
    type: list
    elements: str
    choices:
      - registered_model.created
      - model_version.created
      - model_version_tag.set
      - model_version_tag.deleted
      - model_version_alias.created
      - model_version_alias.deleted
      - prompt.created
      - prompt_version.created
      - prompt_tag.set
      - prompt_tag.deleted
      - prompt_version_tag.set
      - prompt_version_tag.deleted
      - prompt_alias.created
      - prompt_alias.deleted
      - budget_policy.exceeded
  description:
    description:
      - Description of the webhook. If not set, a new webhook has none and an existing one keeps its own.
    type: str
  status:
    description:
      - V(ACTIVE) sends events, V(DISABLED) keeps the webhook without sending. If not set, a new webhook is active
        and an existing one keeps its status.
    type: str
    choices: [ACTIVE, DISABLED]
  secret:
    description:
      - Key of the HMAC-SHA256 signature MLflow puts in each delivery's C(X-MLflow-Signature) header
        (C(v1,) and the Base64 signature of C(<delivery id>.<timestamp>.<body>)).
      - MLflow never returns it, so the module cannot compare it; see O(update_secret).
    type: str
  update_secret:
    description:
      - V(on_create) sends O(secret) only when the module creates the webhook.
      - V(always) sends it on every run, which is then always a change; use it once to rotate the secret.
    type: str
    choices: [always, on_create]
    default: on_create
  send_test:
    description:
      - Whether to have MLflow send a test event to the URL after the task and fail unless the receiver answers
        with a 2xx status. Not done in check mode; the result is in RV(test).
    type: bool
    default: false
  state:
    description:
      - V(present) creates the webhook or brings it in line; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
'''

EXAMPLES = r'''
- name: Tell the deploy service when a model version is registered or an alias moves
  mlops.mlflow.mlflow_webhook:
    tracking_uri: https://mlflow.example.com
    username: admin
    password: "{{ vault_mlflow_admin_password }}"
    name: deploy-service
    url: https://deploy.example.com/hooks/mlflow
    events: [model_version.created, model_version_alias.created]
    secret: "{{ vault_mlflow_webhook_secret }}"
    send_test: true

- name: Pause it
  mlops.mlflow.mlflow_webhook:
    tracking_uri: https://mlflow.example.com
    username: admin
    password: "{{ vault_mlflow_admin_password }}"
    name: deploy-service
    status: DISABLED
'''

RETURN = r'''
webhook:
  description: The webhook after the task (as it would be, in check mode); empty if it does not exist.
  returned: always
  type: dict
  contains:
    webhook_id:
      description: MLflow's ID of the webhook; not known in check mode for a new webhook.
      type: str
      sample: 4be29a46-7eb0-4cb2-976d-1a9624edacda
    name:
      description: Name of the webhook.
      type: str
      sample: deploy-service
    url:
      description: Where MLflow sends the events.
      type: str
      sample: https://deploy.example.com/hooks/mlflow
    events:
      description: The events sent, as C(entity.action), sorted.
      type: list
      elements: str
      sample: [model_version.created, model_version_alias.created]
    description:
      description: Description of the webhook.
      type: str
      sample: ""
    status:
      description: V(ACTIVE) or V(DISABLED).
      type: str
      sample: ACTIVE
test:
  description: MLflow's report of the test event, with O(send_test).
  returned: when O(send_test) is true and not in check mode
  type: dict
  sample: {"success": true, "response_status": 200, "response_body": "ok"}
diff:
  description: The webhook before and after, in diff mode.
  returned: when diff mode is on
  type: dict
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.mlops.mlflow.plugins.module_utils.mlflow_api import (
    MlflowApiError,
    MlflowClient,
    fail_from,
    mlflow_argument_spec,
    search_results,
)

EVENTS = ["registered_model.created", "model_version.created", "model_version_tag.set", "model_version_tag.deleted",
          "model_version_alias.created", "model_version_alias.deleted", "prompt.created", "prompt_version.created",
          "prompt_tag.set", "prompt_tag.deleted", "prompt_version_tag.set", "prompt_version_tag.deleted",
          "prompt_alias.created", "prompt_alias.deleted", "budget_policy.exceeded"]


def events_to_api(events):
    """["model_version.created"] as MLflow's [{"entity": "MODEL_VERSION", "action": "CREATED"}] (it answers
    lower-case names with an internal error)."""
    return [dict(zip(("entity", "action"), event.upper().split("."))) for event in sorted(set(events))]


def webhook_facts(raw):
    return dict(webhook_id=raw.get("webhook_id"), name=raw["name"], url=raw.get("url"),
                events=sorted("%s.%s" % (e["entity"].lower(), e["action"].lower()) for e in raw.get("events", [])),
                description=raw.get("description") or "", status=raw.get("status") or "ACTIVE")


def named(client, name):
    """The server's webhooks of this name, oldest first."""
    found = [hook for hook in search_results(client, "webhooks", "webhooks", {"max_results": 1000})
             if hook["name"] == name]
    return sorted(found, key=lambda hook: (hook.get("creation_timestamp") or 0, hook["webhook_id"]))


def one_named(client, name):
    found = named(client, name)
    if len(found) > 1:
        raise MlflowApiError("%d webhooks are named %r (%s); delete all but one, then run the task again" % (
            len(found), name, ", ".join(hook["webhook_id"] for hook in found)))
    return found[0] if found else None


def create(client, params):
    """The webhook created, or the one a concurrent run created first (ours deleted then)."""
    body = dict(name=params["name"], url=params["url"], events=events_to_api(params["events"]))
    for option in ("description", "status", "secret"):
        if params[option] is not None:
            body[option] = params[option]
    ours = client.post("webhooks", body)["webhook"]
    found = named(client, params["name"])
    if found and found[0]["webhook_id"] != ours["webhook_id"]:
        client.delete("webhooks/%s" % ours["webhook_id"], None)
        return found[0], False
    return ours, True


def changes(current, params):
    """The fields to PATCH on an existing webhook."""
    body = {}
    if params["url"] is not None and params["url"] != current["url"]:
        body["url"] = params["url"]
    if params["events"] is not None and sorted(set(params["events"])) != current["events"]:
        body["events"] = events_to_api(params["events"])
    for option in ("description", "status"):
        if params[option] is not None and params[option] != current[option]:
            body[option] = params[option]
    if params["secret"] is not None and params["update_secret"] == "always":
        body["secret"] = params["secret"]
    return body


def ensure_webhook(client, params, check_mode):
    """(changed, before, after) for the requested state."""
    raw = one_named(client, params["name"])
    before = webhook_facts(raw) if raw else None
    if params["state"] == "absent":
        if before and not check_mode:
            try:
                client.delete("webhooks/%s" % before["webhook_id"], None)
            except MlflowApiError as exc:
                if exc.error_code != "RESOURCE_DOES_NOT_EXIST":
                    raise
        return before is not None, before, None
    if before is None:
        missing = [option for option in ("url", "events") if not params[option]]
        if missing:
            raise MlflowApiError("webhook %r does not exist, and %s required to create it" % (
                params["name"], " and ".join(missing) + (" are" if len(missing) > 1 else " is")))
        if check_mode:
            return True, None, webhook_facts(dict(name=params["name"], url=params["url"],
                                                  events=events_to_api(params["events"]),
                                                  description=params["description"], status=params["status"]))
        raw, created = create(client, params)
        if created:
            return True, None, webhook_facts(raw)
        before = webhook_facts(raw)  # a concurrent run's: converge it below
    body = changes(before, params)
    if not body:
        return False, before, before
    after = dict(before, **{key: value for key, value in body.items() if key in before})
    if "events" in body:
        after["events"] = sorted(set(params["events"]))
    if check_mode:
        return True, before, after
    return True, before, webhook_facts(client.patch("webhooks/%s" % before["webhook_id"], body)["webhook"])


def send_test(client, webhook):
    result = client.post("webhooks/%s/test" % webhook["webhook_id"], {}).get("result", {})
    if not result.get("success"):
        raise MlflowApiError("MLflow's test event to %s failed: %s" % (
            webhook["url"], result.get("error_message") or "HTTP %s %s" % (
                result.get("response_status"), (result.get("response_body") or "")[:200])))
    return result


def main():
    module = AnsibleModule(
        argument_spec=mlflow_argument_spec(
            name=dict(type="str", required=True),
            url=dict(type="str"),
            events=dict(type="list", elements="str", choices=EVENTS),
            description=dict(type="str"),
            status=dict(type="str", choices=["ACTIVE", "DISABLED"]),
            secret=dict(type="str", no_log=True),
            update_secret=dict(type="str", default="on_create", choices=["always", "on_create"], no_log=False),
            send_test=dict(type="bool", default=False),
            state=dict(type="str", default="present", choices=["present", "absent"]),
        ),
        supports_check_mode=True,
    )
    client = MlflowClient(module)
    try:
        changed, before, after = ensure_webhook(client, module.params, module.check_mode)
    except MlflowApiError as exc:
        fail_from(module, exc)
    result = dict(changed=changed, webhook=after or {})
    if module.params["send_test"] and after and not module.check_mode:
        try:
            result["test"] = send_test(client, after)
        except MlflowApiError as exc:
            fail_from(module, exc, **result)
    if module._diff:
        result["diff"] = dict(before=before or {}, after=after or {})
    module.exit_json(**result)


if __name__ == "__main__":
    main()
