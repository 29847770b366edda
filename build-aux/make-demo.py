#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a small, realistic demo team as a Rapport export file (format 1),
for screenshots and trying the app: five people, twelve weeks of 1:1s,
ticks, moods and commitments, ending today.

    build-aux/make-demo.py demo.json
    rapport --database /tmp/demo.db --import demo.json
"""

import datetime
import json
import random
import sys
import uuid

rng = random.Random(7)
NS = uuid.UUID("0f4f7d3a-1c59-4c1e-8a51-5a0d2f6b9e10")

HABITS = [
    ("listen", "Listen", "Ask about their work and let them do most of the talking.", "trust", True),
    ("transfer-authority", "Transfer authority", "Hand over a decision along with the responsibility for it.", "trust", True),
    ("explain-why", "Explain the why", "Share the reason behind a request and the goal it serves.", "trust", True),
    ("recognise-work", "Recognise the work", "Name one specific thing they did well.", "trust", True),
    ("clear-expectations", "Set clear expectations", "Agree together what done looks like and when it is due.", "structure", True),
]
HABIT_RATES = {"listen": 0.85, "transfer-authority": 0.35, "explain-why": 0.55,
               "recognise-work": 0.6, "clear-expectations": 0.75}

PEOPLE = [
    ("Amara Okafor", "Backend engineer", 7),
    ("Jonas Weber", "Designer", 14),
    ("Lucía Fernández", "Product manager", 7),
    ("Mei Tanaka", "QA lead", 14),
    ("Sam Rivera", "Frontend engineer", 7),
]

TOPICS = [
    "Walked through the migration plan. {n} wants to own the rollback script and asked for a dry run on staging first.",
    "{n} is frustrated by the review queue; agreed to try pairing on reviews for two weeks.",
    "Talked about the conference talk proposal. Good energy, needs a sharper abstract.",
    "Release went out smoothly. {n} handled the incident call calmly and wrote a clear summary.",
    "Discussed career goals: more architecture work next quarter, less firefighting.",
    "Customer interviews: {n} noticed the onboarding drop-off before anyone else did.",
    "Workload is high. Moved the reporting task to next sprint so the API work can finish.",
    "Asked how the new team setup feels. Meetings are too long; {n} suggested a written stand-up.",
    "We looked at the metrics dashboard together and agreed which two numbers matter.",
    "{n} would like to mentor the new hire. Explained why onboarding matters for the Q3 goals.",
]
PROMISES_ME = ["Send the budget numbers", "Ask finance about the training budget",
               "Book a session with the platform team", "Share the roadmap draft",
               "Review the design doc"]
PROMISES_THEM = ["Write up the rollout plan", "Draft the talk abstract",
                 "Pair with Chris on the flaky tests", "Prepare the metrics proposal"]


def uid(*parts):
    return str(uuid.uuid5(NS, "/".join(str(p) for p in parts)))


def stamp(day, minute=0):
    return datetime.datetime(day.year, day.month, day.day, 10, minute % 60).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def main(path):
    today = datetime.date.today()
    start = today - datetime.timedelta(weeks=12)
    habits = [{"uuid": uid("habit", key), "key": key, "label": label, "hint": hint, "kind": kind,
               "position": i + 1, "active": active, "created_at": stamp(start), "updated_at": stamp(start)}
              for i, (key, label, hint, kind, active) in enumerate(HABITS)]
    people, meetings, commitments = [], [], []
    for p, (name, role, cadence) in enumerate(PEOPLE):
        pid = uid("person", p)
        people.append({"uuid": pid, "name": name, "role": role, "cadence_days": cadence,
                       "archived": False, "created_at": stamp(start), "updated_at": stamp(start)})
        first = name.split()[0]
        day = start + datetime.timedelta(days=p)
        n = 0
        while day < today - datetime.timedelta(days=2 + p):
            mid = uid("meeting", p, n)
            notes = "\n\n".join(rng.sample(TOPICS, 2)).format(n=first)
            checklist = [{"uuid": uid("tick", p, n, h["key"]), "habit": h["uuid"],
                          "ticked": rng.random() < HABIT_RATES[h["key"]], "evidence": "",
                          "created_at": stamp(day), "updated_at": stamp(day)} for h in habits]
            meetings.append({"uuid": mid, "person": pid, "date": day.isoformat(),
                             "mood": rng.choice([3, 4, 4, 5, 2, None]), "notes": notes,
                             "created_at": stamp(day), "updated_at": stamp(day, 30), "checklist": checklist})
            if rng.random() < 0.6:
                owner = rng.choice(["me", "them"])
                text = rng.choice(PROMISES_ME if owner == "me" else PROMISES_THEM)
                due = day + datetime.timedelta(days=cadence)
                closed = None
                if day + datetime.timedelta(days=cadence * 2) < today:
                    closed = (due - datetime.timedelta(days=rng.choice([-2, 0, 3]))).isoformat()
                commitments.append({"uuid": uid("commitment", p, n), "person": pid, "meeting": mid,
                                    "text": text, "owner": owner, "due": due.isoformat(),
                                    "closed_on": closed, "created_at": stamp(day, 5), "updated_at": stamp(day, 6)})
            day += datetime.timedelta(days=cadence)
            n += 1
    doc = {"format": "rapport-export", "version": 1, "exported_at": stamp(today),
           "generator": "make-demo.py", "habits": habits, "people": people,
           "meetings": meetings, "commitments": commitments}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo.json")
