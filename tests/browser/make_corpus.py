#!/usr/bin/env python3
"""Writes a synthetic corpus of short news articles as JSON lines, for sizing the explorer page
on a big graph (tests/browser/run: the "2,000-article graph"). Nothing from it is committed.

    make_corpus.py ARTICLES OUT.jsonl

The articles are made from templates (meetings, visits, statements) about running stories,
each with its own people (first name x surname), organisations and cities, so that 2,000
articles give a graph of about two thousand nodes in communities. A fixed seed: the same ARTICLES give the same bytes.
"""
import json
import random
import sys

FIRST = """Adrian Agnes Alina Anders Andrea Anton Beatrix Bruno Carla Casimir Celine Dario Dmitri Edith
Elena Emil Erik Esther Fabian Felix Filippa Gideon Greta Hanna Hector Helga Ilse Imre Ingrid Ivan
Jakob Janina Jonas Julia Kamil Karin Klara Lars Laszlo Leona Livia Lorenz Magnus Marta Mateo Milan
Mira Nadia Nikolai Nora Olga Oskar Pablo Petra Rafael Renate Rosa Ruben Sabina Sandor Silvia Stefan
Tamara Teodor Tomas Ulrike Valentin Vera Viktor Walter Wanda Yusuf Zofia""".split()

SURNAME = """Abramov Albrecht Andersen Arvidsson Baranov Bartoli Becker Bergstrom Blanchard Borowski
Castellano Czerny Dalton Delacroix Dimitrov Dorfmann Eklund Engel Falkner Ferreira Fischer Galloway
Gruber Halvorsen Hartmann Hoffman Ivanova Jansen Jovanovic Kaminski Keller Kowalczyk Kristiansen
Lambert Larsen Lindqvist Lorenzo Marchetti Markovic Mendes Moreau Nagy Novak Olsen Orlov Pavlov
Petrovic Quinn Ramirez Reinholt Rossi Sandoval Schneider Sokolov Stein Svensson Tanaka Toivonen
Udovic Varga Vasquez Weber Werner Wojcik Zeller Zimmermann""".split()

ORG_STEM = """Atlantic Baltic Carpathian Danube Eastern Federal Global Harbor Imperial Latitude Meridian
Nordic Northern Pacific Pioneer Republic Southern Summit United Western""".split()
ORG_KIND = ["Energy Agency", "Trade Council", "Bank", "Shipping Company", "Defence Ministry",
            "Health Institute", "Farmers Union", "Steel Works", "Press Agency", "Rail Authority"]

CITY = """Vienna Warsaw Prague Budapest Bucharest Sofia Belgrade Zagreb Ljubljana Bratislava Berlin
Munich Hamburg Paris Lyon Marseille Madrid Barcelona Lisbon Rome Milan Naples Athens Istanbul
Ankara Cairo Tunis Rabat Nairobi Lagos Accra Oslo Stockholm Helsinki Copenhagen Tallinn Riga
Vilnius Dublin Edinburgh London Brussels Amsterdam Geneva Zurich Tokyo Seoul Jakarta Manila
Hanoi Bangkok Sydney Toronto Ottawa Chicago Boston Denver Lima Santiago Bogota""".split()

ROLE = ["chief executive", "director", "chair", "spokesperson", "finance chief", "envoy", "adviser"]
TOPIC = ["energy prices", "a new trade route", "grain exports", "port fees", "a rail link",
         "steel tariffs", "a vaccine plant", "fishing quotas", "a pipeline", "bank regulation"]
DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MOOD = ["productive", "difficult", "constructive", "frank", "useful"]


def article(rng, stories, n):
    # Mostly the cast of one running story, now and then someone from another: news clusters
    # by story, and a graph of it has communities joined by a few bridges.
    story = rng.choice(stories)
    other = rng.choice(stories)
    people = rng.sample(story["people"], 3)
    if rng.random() < 0.15:
        people[2] = rng.choice(other["people"])
    (f1, s1), (f2, s2), (f3, s3) = people
    org1 = rng.choice(story["orgs"])
    org2 = rng.choice(other["orgs"] if rng.random() < 0.15 else story["orgs"])
    city1, city2 = rng.sample(story["cities"], 2)
    topic, day, mood, role = story["topic"], rng.choice(DAY), rng.choice(MOOD), rng.choice(ROLE)
    title = f"{s1} and {s2} meet in {city1} on {topic}"
    text = (
        f"{f1} {s1}, the {role} of the {org1}, met {f2} {s2} in {city1} on {day} to discuss {topic}. "
        f"{s1} said the talks with {s2} had been {mood}. "
        f"The {org2} said in a statement that {f2} {s2} would visit {city2} next month. "
        f"{f3} {s3}, a spokesperson for the {org2}, told reporters that no agreement had been signed. "
        f"According to {s3}, the {org1} and the {org2} will meet again in {city2}."
    )
    return {"id": f"synthetic-{n:05d}", "title": title,
            "date": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", "text": text}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_corpus.py ARTICLES OUT.jsonl")
    count = int(sys.argv[1])
    rng = random.Random(11)
    # One story per 40 articles, each with a cast of 12 people (so each recurs in about ten
    # articles), three organisations and three cities.
    people = rng.sample([(f, s) for f in FIRST for s in SURNAME], len(FIRST) * len(SURNAME))
    orgs = [f"{stem} {kind}" for stem in ORG_STEM for kind in ORG_KIND]
    rng.shuffle(orgs)
    stories = []
    for k in range(max(count // 40, 1)):
        stories.append({"people": [people[(12 * k + i) % len(people)] for i in range(12)],
                        "orgs": [orgs[(3 * k + i) % len(orgs)] for i in range(3)],
                        "cities": rng.sample(CITY, 3), "topic": rng.choice(TOPIC)})
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for n in range(count):
            out.write(json.dumps(article(rng, stories, n), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
