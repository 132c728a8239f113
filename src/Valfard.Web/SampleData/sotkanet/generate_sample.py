#!/usr/bin/env python3
"""Writes Valfard's SAMPLE indicator data in Sotkanet's JSON and CSV formats.

The numbers are invented for the demo: plausible levels and trends for two fictional municipalities, their
fictional county and a stand-in for the whole country. Indicator ids 90001-90040 and region ids 99000-99099 are
not Sotkanet's. Run it again to rebuild the files; the seed keeps the output stable.
"""
import json
import random

random.seed(2026)
YEARS = list(range(2015, 2025))
SURVEY_YEARS = [2015, 2017, 2019, 2021, 2023]  # the school health survey runs every second year

REGIONS = [
    {"id": 99000, "title": {"fi": "Koko maa (näyte)", "sv": "Hela landet (exempel)", "en": "Whole country (sample)"}, "code": "SSS", "category": "MAA", "memberOf": []},
    {"id": 99099, "title": {"fi": "Demoalueen hyvinvointialue", "sv": "Demoregionens välfärdsområde", "en": "Demo wellbeing services county"}, "code": "99", "category": "HYVINVOINTIALUE", "memberOf": [99000]},
    {"id": 99001, "title": {"fi": "Demokunta", "sv": "Demokommun", "en": "Demokommun"}, "code": "995", "category": "KUNTA", "memberOf": [99099, 99000]},
    {"id": 99002, "title": {"fi": "Esimerkkilä", "sv": "Esimerkkilä", "en": "Esimerkkilä"}, "code": "996", "category": "KUNTA", "memberOf": [99099, 99000]},
]

# (fi, sv, en, unit, decimals, country level 2015, yearly change, gendered, direction, survey, interpretation fi, interpretation sv)
INDICATORS = [
    ("Väestö 31.12.", "Befolkning 31.12.", "Population 31 Dec", "lukumäärä", 0, None, None, True, "neutral", False, "Väestön määrä vuoden lopussa.", "Befolkningen vid årets slut."),
    ("0–6-vuotiaat, % väestöstä", "0–6-åringar, % av befolkningen", "Aged 0-6, % of population", "%", 1, 7.6, -0.12, False, "neutral", False, "Lasten osuus väestöstä.", "Barnens andel av befolkningen."),
    ("65 vuotta täyttäneet, % väestöstä", "65 år fyllda, % av befolkningen", "Aged 65 and over, % of population", "%", 1, 20.3, 0.35, False, "neutral", False, "Ikääntyneiden osuus väestöstä.", "De äldres andel av befolkningen."),
    ("THL:n sairastavuusindeksi, ikävakioitu", "THL:s sjuklighetsindex, åldersstandardiserat", "THL morbidity index, age-standardised", "indeksi", 1, 100.0, 0.0, False, "lower", False, "Koko maa = 100. Pienempi arvo tarkoittaa vähemmän sairastavuutta.", "Hela landet = 100. Ett lägre värde betyder mindre sjuklighet."),
    ("Toimeentulotukea saaneet 25–64-vuotiaat, % vastaavanikäisestä väestöstä", "Personer 25–64 år som fått utkomststöd, % av befolkningen i samma ålder", "Social assistance recipients aged 25-64, % of population of same age", "%", 1, 6.7, 0.05, True, "lower", False, "Pienempi osuus on parempi.", "En lägre andel är bättre."),
    ("Koulutuksen ulkopuolelle jääneet 17–24-vuotiaat, % vastaavanikäisestä väestöstä", "Personer 17–24 år utanför utbildning, % av befolkningen i samma ålder", "Young people aged 17-24 not in education, % of population of same age", "%", 1, 8.9, -0.2, True, "lower", False, "Pienempi osuus on parempi.", "En lägre andel är bättre."),
    ("Pitkäaikaistyöttömät, % työvoimasta", "Långtidsarbetslösa, % av arbetskraften", "Long-term unemployed, % of labour force", "%", 1, 3.9, -0.1, True, "lower", False, "Yli vuoden työttömänä olleet.", "Arbetslösa i över ett år."),
    ("Nuorisotyöttömät, % 18–24-vuotiaasta työvoimasta", "Unga arbetslösa, % av arbetskraften 18–24 år", "Youth unemployed, % of labour force aged 18-24", "%", 1, 13.8, -0.3, True, "lower", False, "Pienempi osuus on parempi.", "En lägre andel är bättre."),
    ("Kotona asuvat 75 vuotta täyttäneet, % vastaavanikäisestä väestöstä", "Hemmaboende 75 år fyllda, % av befolkningen i samma ålder", "People aged 75+ living at home, % of population of same age", "%", 1, 90.6, 0.15, True, "higher", False, "Suurempi osuus kertoo kotona asumisen tukemisesta.", "En större andel visar att boende hemma stöds."),
    ("Lastensuojelun avohuollon asiakkaat 0–17-vuotiaat, % vastaavanikäisestä väestöstä", "Klienter inom barnskyddets öppenvård 0–17 år, % av befolkningen i samma ålder", "Child welfare open care clients aged 0-17, % of population of same age", "%", 1, 6.1, 0.08, True, "lower", False, "Kasvu voi kertoa sekä tarpeesta että palvelujen saatavuudesta.", "En ökning kan spegla både behov och tillgång till tjänster."),
    ("Kodin ulkopuolelle sijoitetut 0–17-vuotiaat, % vastaavanikäisestä väestöstä", "Barn 0–17 år placerade utom hemmet, % av befolkningen i samma ålder", "Children aged 0-17 placed outside the home, % of population of same age", "%", 1, 1.4, 0.02, True, "lower", False, "Pienempi osuus on parempi.", "En lägre andel är bättre."),
    ("Varhaiskasvatukseen osallistuneet 1–6-vuotiaat, % vastaavanikäisestä väestöstä", "Barn 1–6 år i småbarnspedagogik, % av befolkningen i samma ålder", "Children aged 1-6 in early childhood education, % of population of same age", "%", 1, 74.5, 1.0, False, "higher", False, "Suurempi osuus on parempi.", "En större andel är bättre."),
    ("Mielenterveyden häiriöihin sairaalahoitoa saaneet 0–17-vuotiaat / 1 000 vastaavanikäistä", "Personer 0–17 år som fått sjukhusvård för psykiska störningar / 1 000 i samma ålder", "Hospital care for mental disorders, aged 0-17, per 1,000 of same age", "/1000", 1, 3.6, 0.12, True, "lower", False, "Pienempi arvo on parempi.", "Ett lägre värde är bättre."),
    ("Alkoholijuomien myynti asukasta kohden 100 %:n alkoholina, litraa", "Försäljning av alkoholdrycker per invånare som 100 % alkohol, liter", "Sales of alcoholic beverages per capita as 100% alcohol, litres", "l", 1, 8.6, -0.1, False, "lower", False, "Pienempi määrä on parempi.", "En mindre mängd är bättre."),
    ("Yksinasuvat 75 vuotta täyttäneet, % vastaavanikäisestä väestöstä", "Ensamboende 75 år fyllda, % av befolkningen i samma ålder", "People aged 75+ living alone, % of population of same age", "%", 1, 48.5, 0.1, True, "neutral", False, "Kuvaa palvelutarvetta.", "Beskriver servicebehovet."),
    ("Kaatumisiin ja putoamisiin liittyvät hoitojaksot 65 vuotta täyttäneillä / 10 000 vastaavanikäistä", "Vårdperioder efter fall bland 65 år fyllda / 10 000 i samma ålder", "Hospital periods due to falls, aged 65+, per 10,000 of same age", "/10000", 1, 263.0, 1.5, True, "lower", False, "Pienempi arvo on parempi.", "Ett lägre värde är bättre."),
    ("Sotkanetin hyvinvointi- ja terveyspisteet, 65 vuotta täyttäneet", "Välfärds- och hälsopoäng, 65 år fyllda", "Welfare and health score, aged 65+", "pisteet", 0, 100.0, 0.0, False, "higher", False, "Koko maa = 100.", "Hela landet = 100."),
    ("Työttömät, % työvoimasta", "Arbetslösa, % av arbetskraften", "Unemployed, % of labour force", "%", 1, 13.2, -0.35, True, "lower", False, "Pienempi osuus on parempi.", "En lägre andel är bättre."),
    ("Huoltosuhde, demografinen", "Försörjningskvot, demografisk", "Demographic dependency ratio", "suhde", 1, 59.1, 0.6, False, "neutral", False, "Lasten ja ikääntyneiden määrä sataa työikäistä kohden.", "Antalet barn och äldre per hundra i arbetsför ålder."),
    ("Perusterveydenhuollon avohoidon lääkärikäynnit / 1 000 asukasta", "Läkarbesök inom primärvårdens öppenvård / 1 000 invånare", "Primary care doctor visits per 1,000 inhabitants", "/1000", 0, 1180.0, -12.0, False, "neutral", False, "Kuvaa palvelujen käyttöä.", "Beskriver användningen av tjänster."),
    # The school health survey (Kouluterveyskysely), every second year, by gender.
    ("Yksinäisyyttä kokevat, % 8. ja 9. luokan oppilaista", "Elever i årskurs 8–9 som känner sig ensamma, %", "Pupils in grades 8-9 who feel lonely, %", "%", 1, 10.5, 0.3, True, "lower", True, "Kouluterveyskysely. Pienempi osuus on parempi.", "Hälsa i skolan. En lägre andel är bättre."),
    ("Kohtalainen tai vaikea ahdistuneisuus, % lukion 1. ja 2. vuoden opiskelijoista", "Måttlig eller svår ångest, % av gymnasiets studerande år 1–2", "Moderate or severe anxiety, % of general upper secondary students", "%", 1, 13.5, 0.9, True, "lower", True, "Kouluterveyskysely. Pienempi osuus on parempi.", "Hälsa i skolan. En lägre andel är bättre."),
    ("Harrastaa jotain vähintään kerran viikossa, % 4. ja 5. luokan oppilaista", "Har en hobby minst en gång i veckan, % av elever i årskurs 4–5", "Has a hobby at least once a week, % of pupils in grades 4-5", "%", 1, 91.0, 0.1, True, "higher", True, "Kouluterveyskysely. Suurempi osuus on parempi.", "Hälsa i skolan. En större andel är bättre."),
    ("Kokee terveydentilansa keskinkertaiseksi tai huonoksi, % 8. ja 9. luokan oppilaista", "Upplever sin hälsa som medelmåttig eller dålig, % av elever i årskurs 8–9", "Rates own health fair or poor, % of pupils in grades 8-9", "%", 1, 18.0, 0.6, True, "lower", True, "Kouluterveyskysely. Pienempi osuus on parempi.", "Hälsa i skolan. En lägre andel är bättre."),
    ("Ei yhtään läheistä ystävää, % 8. ja 9. luokan oppilaista", "Ingen nära vän, % av elever i årskurs 8–9", "No close friends, % of pupils in grades 8-9", "%", 1, 9.8, 0.1, True, "lower", True, "Kouluterveyskysely. Pienempi osuus on parempi.", "Hälsa i skolan. En lägre andel är bättre."),
    ("Liikkuu vähintään tunnin päivässä, % 4. ja 5. luokan oppilaista", "Rör på sig minst en timme om dagen, % av elever i årskurs 4–5", "Physically active at least an hour a day, % of pupils in grades 4-5", "%", 1, 34.0, -0.5, True, "higher", True, "Kouluterveyskysely. Suurempi osuus on parempi.", "Hälsa i skolan. En större andel är bättre."),
    ("Koulukiusattuna vähintään kerran viikossa, % 8. ja 9. luokan oppilaista", "Mobbad minst en gång i veckan, % av elever i årskurs 8–9", "Bullied at least once a week, % of pupils in grades 8-9", "%", 1, 6.9, 0.0, True, "lower", True, "Kouluterveyskysely. Pienempi osuus on parempi.", "Hälsa i skolan. En lägre andel är bättre."),
    ("Tupakoi päivittäin, % 8. ja 9. luokan oppilaista", "Röker dagligen, % av elever i årskurs 8–9", "Smokes daily, % of pupils in grades 8-9", "%", 1, 7.5, -0.7, True, "lower", True, "Kouluterveyskysely. Pienempi osuus on parempi.", "Hälsa i skolan. En lägre andel är bättre."),
    ("Kokee olevansa osallinen koulun toimintaan, % 8. ja 9. luokan oppilaista", "Känner sig delaktig i skolan, % av elever i årskurs 8–9", "Feels involved in school activities, % of pupils in grades 8-9", "%", 1, 45.0, 0.8, True, "higher", True, "Kouluterveyskysely. Suurempi osuus on parempi.", "Hälsa i skolan. En större andel är bättre."),
    ("Vanhemmat eivät tiedä viikonloppuiltaisin missä nuori on, % 8. ja 9. luokan oppilaista", "Föräldrarna vet inte var den unga är på helgkvällar, % av elever i årskurs 8–9", "Parents do not know where the young person is on weekend evenings, % of pupils in grades 8-9", "%", 1, 9.0, -0.1, True, "lower", True, "Kouluterveyskysely. Pienempi osuus on parempi.", "Hälsa i skolan. En lägre andel är bättre."),
    ("Kotitalouksien asuntokunnat, joissa ahtaasti asuvia, % asuntokunnista", "Trångbodda bostadshushåll, % av bostadshushållen", "Overcrowded households, % of households", "%", 1, 8.5, -0.05, False, "lower", False, "Pienempi osuus on parempi.", "En lägre andel är bättre."),
    ("Pienituloisiin kotitalouksiin kuuluvat henkilöt, % asuntoväestöstä", "Personer i låginkomsthushåll, % av bostadsbefolkningen", "People in low-income households, % of household population", "%", 1, 13.2, -0.05, False, "lower", False, "Pienempi osuus on parempi.", "En lägre andel är bättre."),
    ("Lapsiperheet, % kotitalouksista", "Barnfamiljer, % av hushållen", "Families with children, % of households", "%", 1, 22.0, -0.3, False, "neutral", False, "Kuvaa väestörakennetta.", "Beskriver befolkningsstrukturen."),
    ("Yksinhuoltajaperheet, % lapsiperheistä", "Ensamförsörjarfamiljer, % av barnfamiljerna", "Single-parent families, % of families with children", "%", 1, 21.0, 0.1, False, "neutral", False, "Kuvaa palvelutarvetta.", "Beskriver servicebehovet."),
    ("Kuolleisuus 65 vuotta täyttäneillä / 100 000 vastaavanikäistä, ikävakioitu", "Dödlighet bland 65 år fyllda / 100 000 i samma ålder, åldersstandardiserad", "Mortality aged 65+, per 100,000, age-standardised", "/100000", 0, 3550.0, -30.0, True, "lower", False, "Pienempi arvo on parempi.", "Ett lägre värde är bättre."),
    ("Erityiskorvattaviin diabeteslääkkeisiin oikeutetut, % väestöstä", "Rätt till specialersättning för diabetesläkemedel, % av befolkningen", "Entitled to special reimbursement for diabetes medicines, % of population", "%", 1, 6.0, 0.12, True, "lower", False, "Pienempi osuus on parempi.", "En lägre andel är bättre."),
    ("Masennuslääkkeistä korvausta saaneet, % väestöstä", "Personer som fått ersättning för antidepressiva läkemedel, % av befolkningen", "Reimbursed for antidepressants, % of population", "%", 1, 7.4, 0.35, True, "lower", False, "Pienempi osuus on parempi.", "En lägre andel är bättre."),
    ("Terveyden ja hyvinvoinnin edistämisaktiivisuus (TEAviisari), kunnan kokonaisluku", "Hälsofrämjande aktivitet (TEAviisari), kommunens totalvärde", "Health promotion activity (TEAviisari), municipality total", "0-100", 0, 68.0, 1.0, False, "higher", True, "Arvio 0–100; suurempi on parempi. Tiedonkeruu joka toinen vuosi.", "Bedömning 0–100; högre är bättre. Insamling vartannat år."),
    ("Hyte-kerroin, kunnan pisteet", "Hyte-koefficient, kommunens poäng", "HYTE coefficient, municipality score", "0-100", 0, 55.0, 1.5, False, "higher", False, "Arvio 0–100; suurempi on parempi.", "Bedömning 0–100; högre är bättre."),
    ("Liikuntapaikkojen määrä / 1 000 asukasta", "Antal idrottsplatser / 1 000 invånare", "Sports facilities per 1,000 inhabitants", "/1000", 1, 7.1, 0.05, False, "higher", False, "Suurempi määrä on parempi.", "Ett större antal är bättre."),
]

# How each region differs from the country: a level factor and an extra yearly drift.
REGION_SHAPE = {99000: (1.00, 0.0), 99099: (1.06, 0.01), 99001: (1.10, 0.03), 99002: (0.95, -0.01)}
POPULATION = {99000: 5_487_000, 99099: 186_000, 99001: 11_800, 99002: 4_300}


def values_for(index, spec, region):
    fi, sv, en, unit, decimals, base, slope, gendered, direction, survey, *_ = spec
    years = SURVEY_YEARS if survey else YEARS
    level, drift = REGION_SHAPE[region]
    rows = []
    for year in years:
        if base is None:  # population
            t = year - 2015
            total = POPULATION[region] * (1 + (0.002 if region == 99000 else -0.004 if region == 99002 else 0.003) * t)
            rows.append((year, "total", round(total)))
            rows.append((year, "female", round(total * 0.505)))
            rows.append((year, "male", round(total * 0.495)))
            continue
        t = year - 2015
        total = base * level + (slope + drift * base / 100) * t + random.gauss(0, abs(base) * 0.015)
        if region == 99001 and index == 9:  # child welfare open care rises in the last years in Demokommun
            total += max(0, year - 2021) * 0.45
        if region == 99002 and year == 2019 and not survey:
            continue  # a year with no data, as real series have
        total = max(total, 0)
        rows.append((year, "total", round(total, decimals)))
        if gendered:
            spread = abs(base) * 0.08
            rows.append((year, "female", round(max(total + spread * (1 if direction != "higher" else -1) * 0.5, 0), decimals)))
            rows.append((year, "male", round(max(total - spread * (1 if direction != "higher" else -1) * 0.5, 0), decimals)))
    return rows


SCALE = {"%": 100, "/1000": 1000, "/10000": 10000}


def numerator(spec, region, gender, value):
    """The number of events behind a share or a rate, as Sotkanet's absValue gives it, so the demo's comparisons
    and trends can be computed. Derived from the (invented) population; no random draw, so the values stay as
    they were. School survey shares and age-standardised rates get none, as in Sotkanet."""
    fi, unit, survey = spec[0], spec[3], spec[9]
    if unit not in SCALE or survey or "ikävakioitu" in fi:
        return None
    # Age-specific indicators count a part of the population; a rough fixed share is enough for sample data.
    share = 1.0 if "väestöstä" in fi and "vastaavanikäisestä" not in fi else 0.25
    population = POPULATION[region] * share * (1.0 if gender == "total" else 0.5)
    return round(value / SCALE[unit] * population)


indicators, data, directions = [], [], {}
for index, spec in enumerate(INDICATORS):
    fi, sv, en, unit, decimals, base, slope, gendered, direction, survey, interp_fi, interp_sv = spec
    indicator_id = 90001 + index
    indicators.append({
        "id": indicator_id,
        "title": {"fi": fi, "sv": sv, "en": en},
        "description": {"fi": f"NÄYTEAINEISTO – keksityt luvut Valfardin esittelyä varten. {interp_fi}", "sv": f"EXEMPELDATA – påhittade siffror för Valfards demo. {interp_sv}", "en": "SAMPLE DATA – invented figures for the Valfard demo."},
        "interpretation": {"fi": interp_fi, "sv": interp_sv, "en": ""},
        "primaryValueType": {"title": {"fi": unit, "sv": unit, "en": unit}},
        "decimals": decimals,
        "range": {"start": min(SURVEY_YEARS if survey else YEARS), "end": 2024},
        "organization": {"id": 2, "title": {"fi": "Näyteaineisto (Valfard)", "sv": "Exempeldata (Valfard)", "en": "Sample data (Valfard)"}},
        "classifications": {"region": {"values": ["kunta", "hyvinvointialue", "maa"]}, "sex": {"values": ["male", "female", "total"] if gendered else ["total"]}},
    })
    directions[indicator_id] = direction
    for region in REGION_SHAPE:
        for year, gender, value in values_for(index, spec, region):
            row = {"indicator": indicator_id, "region": region, "year": year, "gender": gender, "value": value}
            if unit == "lukumäärä":
                row["absValue"] = value
            elif (events := numerator(spec, region, gender, value)) is not None:
                row["absValue"] = events
            data.append(row)

with open("indicators.json", "w", encoding="utf-8") as f:
    json.dump(indicators, f, ensure_ascii=False, indent=1)
with open("regions.json", "w", encoding="utf-8") as f:
    json.dump(REGIONS, f, ensure_ascii=False, indent=1)
with open("data.json", "w", encoding="utf-8") as f:
    json.dump(data, f, ensure_ascii=False)
with open("directions.json", "w", encoding="utf-8") as f:
    json.dump({str(k): v for k, v in directions.items()}, f, indent=1)
# A small semicolon-separated extract, as Sotkanet's /csv gives it, for trying the CSV import.
with open("data-2023-2024.csv", "w", encoding="utf-8") as f:
    f.write("indicator;region;year;gender;primary value;absolute value\n")
    for row in data:
        if row["year"] >= 2023:
            f.write(f"{row['indicator']};{row['region']};{row['year']};{row['gender']};{str(row['value']).replace('.', ',')};{row.get('absValue', '')}\n")
print(len(indicators), "indicators,", len(data), "values")
