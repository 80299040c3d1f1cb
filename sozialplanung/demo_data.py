"""Kreis Pinneberg's real planning data from the seeds (protocols 2017 and 2023).

Only what the county's documents say is entered; sections the documents leave open stay
empty, so that the portal never shows invented content as the county's.
"""

HANDLUNGSFELDER = [
    # (slug, name, gueltig_von, gueltig_bis, beschreibung)
    (
        "infrastruktur-sozialer-angebote",
        "Infrastruktur sozialer Angebote",
        2017,
        None,
        "Regel- und Beratungsangebote, Frühe Hilfen, Elternberatung, Kindertagesbetreuung und "
        "die soziale Infrastruktur im Kreis, die gemeinsam mit den Kommunen und allen anderen "
        "Kooperationspartnern sozialräumlich weiterzuentwickeln und zu erhalten ist.",
    ),
    (
        "mobilitaet",
        "Mobilität",
        2017,
        None,
        "Erreichbarkeit sozialer Angebote und öffentlicher Nahverkehr als Voraussetzung für "
        "die Inanspruchnahme von Hilfen.",
    ),
    (
        "gesundheitsversorgung-und-pflege",
        "Gesundheitsversorgung und Pflege",
        2024,
        None,
        "Gesundheitliche Versorgungsstrukturen und Pflege. Seit 2024 fasst das Handlungsfeld "
        "die früheren Handlungsfelder „Gesundheit“ und „Ärztliche Versorgung und Pflege“ "
        "zusammen.",
    ),
    ("wohnen", "Wohnen", 2017, None, "Sozialverträgliches Wohnen im Kreis."),
    (
        "zuwanderung-und-integration",
        "Zuwanderung und Integration",
        2017,
        None,
        "Ankommen, Beratung und Teilhabe zugewanderter Menschen.",
    ),
    (
        "bildung",
        "Bildung",
        2017,
        None,
        "Bildung von der frühkindlichen Förderung in Kindertageseinrichtungen bis zur Schule.",
    ),
    ("inklusion", "Inklusion", 2017, None, "Teilhabe von Menschen mit Behinderung."),
    ("arbeit", "Arbeit", 2017, None, "Ausbildung, Beschäftigung und Fachkräftesicherung."),
    ("armut", "Armut", 2017, None, "Armutslagen und ihre Bewältigung, auch in Krisenzeiten."),
    (
        "soziales-leben-und-freizeit",
        "Soziales Leben und Freizeit",
        2017,
        None,
        "Soziale Lebenswelten, Ehrenamt und Freizeitangebote.",
    ),
    (
        "gesundheit",
        "Gesundheit",
        2017,
        2023,
        "Bis 2023 eigenes Handlungsfeld, seit 2024 Teil von „Gesundheitsversorgung und Pflege“.",
    ),
    (
        "aerztliche-versorgung-und-pflege",
        "Ärztliche Versorgung und Pflege",
        2017,
        2023,
        "Bis 2023 eigenes Handlungsfeld, seit 2024 Teil von „Gesundheitsversorgung und Pflege“.",
    ),
]

FOKUSGRUPPEN = [
    # (name, art, handlungsfelder, beschreibung)
    (
        "AG § 78 Förderung und Weiterentwicklung der Kindertagesbetreuung",
        "fokusgruppe",
        ["infrastruktur-sozialer-angebote", "bildung"],
        "Die Fokusgruppe hat zwei Unterarbeitsgruppen zu den Themen Kinderschutz und Inklusion "
        "gebildet.",
    ),
    (
        "Netzwerk Frühe Hilfen",
        "arbeitsstruktur",
        ["infrastruktur-sozialer-angebote"],
        "Verzahnt die Frühen Hilfen mit Angeboten des Gesundheitswesens, um die "
        "Entwicklungschancen von Kindern zu verbessern.",
    ),
    (
        "Verwaltung – Sozialplanung",
        "verwaltung",
        [],
        "2017 entwickelte die Verwaltung die Vorschläge nach Auswertung von Gesprächen und "
        "Unterlagen stellvertretend für Fokusgruppen und ergänzende Arbeitsstrukturen.",
    ),
]

# Planungsjahr 2017 to 2023 are decided; 2024 has begun with the Strategische Analyse,
# which the county does "im März eines jeden Jahres".
PLANUNGSJAHRE = dict.fromkeys(range(2017, 2024), 5) | {2024: 1}
BEGINN_2024 = "2024-03-01"

RUCKSACK_BESCHREIBUNG = (
    "Die Verwaltung identifiziert anhand von geeigneten Sozialindikatoren mindestens eine "
    "weitere Kindertageseinrichtung als Standort im Kreis Pinneberg, der die Durchführung "
    "des Modellprojekts Rucksack KiTa ab 2024 angeboten wird.\n\n"
    "An beiden Standorten wird das Angebot des Eltern-Cafés strukturell mit in das "
    "Modellprojekt überführt."
)

EMPFEHLUNGEN = [
    # (titel, jahr, handlungsfeld, steuerungsrelevanz, im_dossier, kreistag_status,
    #  herkunft, beschreibung)
    # Seed 004: the Steuerungsgruppe's assessment of 12.05.2023.
    (
        "Sprachstandserhebung von Kindern in Kindertageseinrichtungen",
        2023,
        "bildung",
        "hoch",
        True,
        "nicht_beraten",
        None,
        "",
    ),
    (
        "Konzeptentwicklung Interkommunale Zusammenarbeit / Zweckverband Soziales",
        2023,
        "infrastruktur-sozialer-angebote",
        "hoch",
        True,
        "nicht_beraten",
        None,
        "",
    ),
    (
        "Bekenntnis der Kreispolitik zur Istanbul-Konvention",
        2023,
        "infrastruktur-sozialer-angebote",
        "relevant",
        True,
        "nicht_beraten",
        None,
        "",
    ),
    (
        "Mittelgewährung in Verbindung mit Gewaltschutzkonzepten",
        2023,
        "infrastruktur-sozialer-angebote",
        "relevant",
        True,
        "nicht_beraten",
        None,
        "",
    ),
    (
        "Übernahme der ÖPNV-Fahrtkosten für Auszubildende zur Pflegeassistenz",
        2023,
        "mobilitaet",
        "weniger",
        False,
        "nicht_beraten",
        None,
        "",
    ),
    (
        "Ämterlotsinnen/Ämterlotsen",
        2023,
        "zuwanderung-und-integration",
        "relevant",
        True,
        "nicht_beraten",
        None,
        "",
    ),
    (
        "Ausweitung des Modellprojekts Rucksack KiTa an mindestens einem weiteren Standort "
        "im Kreis Pinneberg",
        2023,
        "bildung",
        "",
        False,
        "nicht_beraten",
        None,
        RUCKSACK_BESCHREIBUNG,
    ),
    # Invented, and marked so in title and text: the seeds name no rejected
    # recommendation, but the demo should show every Kreistag status.
    (
        "Beispiel (Demo): Ehrenamtskarte für junge Engagierte",
        2022,
        "soziales-leben-und-freizeit",
        "relevant",
        True,
        "abgelehnt",
        None,
        "Erfundenes Beispiel, damit die Demo jeden Kreistag-Status zeigt. Es ist kein "
        "Vorschlag und kein Beschluss des Kreises Pinneberg.",
    ),
    # Seed 004: the earlier years as listed on the information platform.
    (
        "Zweckbindungen",
        2021,
        "infrastruktur-sozialer-angebote",
        "relevant",
        True,
        "beratung",
        None,
        "",
    ),
    (
        "Fortschreibungsverfahren für Präventionskonzept",
        2017,
        "infrastruktur-sozialer-angebote",
        "relevant",
        True,
        "nicht_beraten",
        "Verwaltung – Sozialplanung",
        "",
    ),
    (
        "Indikatoren zur Wirksamkeit",
        2017,
        "infrastruktur-sozialer-angebote",
        "relevant",
        True,
        "nicht_beraten",
        "Verwaltung – Sozialplanung",
        "",
    ),
    (
        "Fachdienst Jugend/Soziale Dienste",
        2018,
        "infrastruktur-sozialer-angebote",
        "relevant",
        True,
        "beschlossen",
        None,
        "",
    ),
    (
        "Kommunale Betrachtungsräume",
        2018,
        "infrastruktur-sozialer-angebote",
        "relevant",
        True,
        "nicht_beraten",
        None,
        "",
    ),
    (
        "Präventive Angebote",
        2019,
        "infrastruktur-sozialer-angebote",
        "relevant",
        True,
        "beratung",
        None,
        "",
    ),
    (
        "Kooperation für sozialräumliche Analysen",
        2019,
        "infrastruktur-sozialer-angebote",
        "relevant",
        True,
        "beratung",
        None,
        "",
    ),
    (
        "Methoden der Wirkungsmessung",
        2019,
        "infrastruktur-sozialer-angebote",
        "relevant",
        True,
        "beschlossen",
        None,
        "",
    ),
    (
        "Angebotsstrukturen",
        2020,
        "infrastruktur-sozialer-angebote",
        "relevant",
        True,
        "beratung",
        None,
        "",
    ),
]

ZIELVORSCHLAEGE_2023 = [
    # (titel, stimme_zu, passt_nicht, anmerkungen)
    ("Kritische Soziale Infrastruktur absichern", 15, 0, ""),
    (
        "Fachkräftegewinnung und -bindung nachhaltig betreiben",
        15,
        1,
        "Was passiert bei Engpässen? Plan B worst case",
    ),
    (
        "Sozialverträgliches Wohnen gewährleisten",
        15,
        3,
        "Achtung Querschnittsthemen!\nRechtlicher Rahmen + Kompetenzen",
    ),
    ("ÖPNV zukunftsorientiert gestalten", 15, 2, ""),
    ("Gesundheitliche Versorgungsstrukturen auf neue Anforderungen ausrichten", 15, 2, ""),
    (
        "Digitalisierung zur Förderung des Gemeinwohls einsetzen",
        15,
        1,
        "Möglichkeit digital an Sitzungen teilzunehmen => Kreisordnung < Umsetzung",
    ),
    ("Soziale Lebenswelten schaffen", 15, 0, "Es ist ein Muss!"),
]

DEMO_PASSWORT = "Demo-Sozialplanung-2024"
DEMO_BENUTZER = [
    # (username, first_name, last_name, rolle, is_staff, is_superuser)
    ("sozialplanung", "Sabine", "Planer (Demo)", "Sozialplanung", True, False),
    ("steuerungsgruppe", "Stefan", "Mitglied (Demo)", "Steuerungsgruppe", False, False),
    ("fokusgruppe", "Fatma", "Fokus (Demo)", "Fokusgruppe", False, False),
    ("admin", "Anna", "Admin (Demo)", None, True, True),
]
DEMO_FOKUSGRUPPE_MITGLIED = (
    "fokusgruppe",
    "AG § 78 Förderung und Weiterentwicklung der Kindertagesbetreuung",
)

# Sozialmonitoring: the real GENESIS exports in sozialplanung/demo/genesis/, imported for
# Schleswig-Holstein and its Kreise, each linked to the Handlungsfelder it informs.
GENESIS_LAND = "01"
GENESIS_DATEIEN = [
    ("12411-01-01-4_00.csv", ["infrastruktur-sozialer-angebote", "wohnen"]),
    ("12612-01-01-4_00.cp1252.csv", ["infrastruktur-sozialer-angebote", "bildung"]),
    ("13211-02-04-4_00.csv", ["arbeit", "armut", "zuwanderung-und-integration"]),
    ("22121-01-02-4_00.csv", ["armut", "zuwanderung-und-integration"]),
    ("22541-01-01-4_00.csv", ["bildung", "infrastruktur-sozialer-angebote"]),
]

# Seed 004: the Zusammenfassung of the Handlungsfeld in the Planungsdossier 2023.
ZUSAMMENFASSUNG_INFRASTRUKTUR_2023 = (
    "Die soziale Angebotsstruktur hat sich insbesondere in Krisenzeiten als flexibel und "
    "belastbar erwiesen. Zur Gestaltung inklusiver Lebensräume ist die soziale Infrastruktur "
    "im Kreis gemeinsam mit den Kommunen und allen anderen Kooperationspartnern "
    "sozialräumlich weiterzuentwickeln und zu erhalten. Um diesem Anspruch weiterhin gerecht "
    "werden zu können, sind nachhaltige Konzepte zur Generierung künftiger und zur Sicherung "
    "aktueller Fachkräfteressourcen zu entwickeln und sehr zeitnah umzusetzen. Um die "
    "Funktionsfähigkeit der sozialen Systeme auch in Zukunft zu gewährleisten sind noch "
    "weitergehende Aktivitäten erforderlich."
)

# Seed 004, "Erkenntnisse partizipative Prozesse" of the Handlungsfeld, shortened.
ERKENNTNISSE_INFRASTRUKTUR_2023 = (
    "Im Netzwerk Frühe Hilfen wurde den Folgen der Pandemie und des Ukraine-Krieges mit "
    "zusätzlichen Mitteln und ergänzenden Angeboten begegnet. Ein wichtiges Thema ist auch "
    "weiterhin, das Netzwerk Frühe Hilfen systematisch mit Angeboten des Gesundheitswesens "
    "zu verzahnen, um die Entwicklungschancen von Kindern zu verbessern, mögliche Risiken "
    "frühzeitig zu minimieren und Kindeswohlgefährdungen zu vermeiden.\n\n"
    "Das präventive Angebot der niedrigschwelligen Elternberatung als erster wichtiger "
    "Anlaufpunkt für belastete Familien und in Krisensituationen wurde bedarfsorientiert neu "
    "konzipiert, die Kommunen wurden an der Auswahl der Standorte in den Städten im Kreis "
    "beteiligt. Aus dem Arbeitsfeld wird von zunehmenden finanziellen Sorgen bis hin zu "
    "Existenzängsten berichtet.\n\n"
    "Die Fokusgruppe AG § 78 Förderung und Weiterentwicklung der Kindertagesbetreuung hat "
    "zwei Unterarbeitsgruppen zu den Themen Kinderschutz und Inklusion gebildet.\n\n"
    "Die Teilnehmenden der Sozialplanungskonferenz haben die Wechselwirkung des "
    "Handlungsfeldes Infrastruktur sozialer Angebote u. a. mit dem Handlungsfeld Mobilität "
    "als Voraussetzung für die Erreichbarkeit und Inanspruchnahme der sozialen Angebote "
    "besonders hervorgehoben."
)

# Seed 004, "Zahlen, Daten und Fakten" of the Handlungsfeld, and its Quellenangaben.
FAKTEN_INFRASTRUKTUR_2023 = (
    "Die Struktur der sozialen Angebote kann georeferenziert über das Hilfeportal (HIP) des "
    "Kreises Pinneberg abgerufen werden.\n"
    "Die Bedarfsplanung der Kindertagesbetreuung wurde in 2023 nach 2015 wieder "
    "veröffentlicht.\n"
    "Die Kinderbetreuung im U3-Bereich wurde im Kreisgebiet in den vergangenen Jahren "
    "kontinuierlich ausgebaut, in 2022 stehen insgesamt 3.525 Plätze zur Verfügung "
    "(+ 585 ggü. 2015).\n"
    "Die Versorgungsquote im U3-Bereich beträgt damit 59,1 % (+ 21,3 % ggü. 2015).\n"
    "Die Ausgaben in der Jugendhilfe steigen in 2021 auf 665 Euro je Kind, Jugendlichen oder "
    "jungen Erwachsenen unter 21 Jahren an (+ 92 Euro ggü. Vj.)."
)
FAKTEN_QUELLEN_INFRASTRUKTUR_2023 = "Benchmark Jugendhilfe S.-H. 2022 // Kreis Pinneberg 2022"

# The opening of the 2023 dossier. It describes the dossier itself and claims nothing
# about the county that the seeds do not say.
DOSSIER_ZUSAMMENFASSUNG_2023 = (
    "Mit dem Planungsdossier „Sozialplanung Fokus 2023“ legt die Verwaltung dem Kreistag die "
    "Ergebnisse des Planungsjahres vor. Es fasst je Handlungsfeld die Strategische Analyse, "
    "die von der Steuerungsgruppe Sozialplanung als steuerungsrelevant eingeschätzten "
    "Handlungsempfehlungen, die Erkenntnisse aus den partizipativen Prozessen sowie Zahlen, "
    "Daten und Fakten aus dem Sozialmonitoring zusammen.\n\n"
    "Die Steuerungsgruppe Sozialplanung hat die Vorschläge der Fokusgruppen und ergänzenden "
    "Arbeitsstrukturen in ihrer Sitzung am 12.05.2023 eingeschätzt und über die "
    "sozialpolitischen Zielvorschläge abgestimmt."
)

# Each Handlungsfeld's analysis of 2023: its texts and the indicators it shows
# (table, indicator name).
ANALYSEN_2023 = {
    "infrastruktur-sozialer-angebote": {
        "text": ZUSAMMENFASSUNG_INFRASTRUKTUR_2023,
        "erkenntnisse": ERKENNTNISSE_INFRASTRUKTUR_2023,
        "fakten": FAKTEN_INFRASTRUKTUR_2023,
        "fakten_quellen": FAKTEN_QUELLEN_INFRASTRUKTUR_2023,
        "indikatoren": [
            ("12411-01-01-4", "Bevölkerungsstand – Insgesamt"),
            ("12612-01-01-4", "Lebendgeborene – Insgesamt"),
            ("22541-01-01-4", "Verfügbare Plätze – Tageseinrichtungen für Kinder – Insgesamt"),
        ],
    },
    "bildung": {
        "indikatoren": [
            (
                "22541-01-01-4",
                "Verfügbare Plätze – Tageseinrichtungen für Kinder – Plätze für Krippenkinder",
            ),
            ("22541-01-01-4", "Tageseinrichtungen für Kinder – Insgesamt"),
        ],
    },
    "arbeit": {"indikatoren": [("13211-02-04-4", "Arbeitslosenquote bez. auf alle Erwerbspers.")]},
    "armut": {"indikatoren": [("22121-01-02-4", "Empfänger(innen) von Sozialhilfe")]},
    "zuwanderung-und-integration": {
        "indikatoren": [
            ("22121-01-02-4", "Empfänger(innen) von Sozialhilfe – Nationalität – Ausländer(innen)")
        ],
    },
}

# Kreistag phase: the Vorlagen that carried the recommendations of earlier years. The
# Drucksachen numbers, committees and dates are illustrative (the seeds name none); the
# statuses they yield are the ones listed in EMPFEHLUNGEN above. Their Beratungen come
# from the OParl folder sozialplanung/demo/oparl/, synced like a real council system.
VORLAGEN = [
    # (reference, titel, art, datum, [(titel der Empfehlung, jahr)])
    (
        "DrS 2018/212",
        "Sozialplanung Fokus 2018 – Handlungsempfehlung Fachdienst Jugend/Soziale Dienste",
        "beschlussvorlage",
        "2018-08-20",
        [("Fachdienst Jugend/Soziale Dienste", 2018)],
    ),
    (
        "DrS 2019/154",
        "Sozialplanung Fokus 2019 – Methoden der Wirkungsmessung",
        "beschlussvorlage",
        "2019-08-19",
        [("Methoden der Wirkungsmessung", 2019)],
    ),
    (
        "DrS 2019/155",
        "Sozialplanung Fokus 2019 – Präventive Angebote und sozialräumliche Analysen",
        "mitteilungsvorlage",
        "2019-08-19",
        [("Präventive Angebote", 2019), ("Kooperation für sozialräumliche Analysen", 2019)],
    ),
    (
        "DrS 2020/088",
        "Sozialplanung Fokus 2020 – Angebotsstrukturen",
        "mitteilungsvorlage",
        "2020-08-24",
        [("Angebotsstrukturen", 2020)],
    ),
    (
        "DrS 2022/101",
        "Sozialplanung Fokus 2022 – Beispiel (Demo): Ehrenamtskarte für junge Engagierte",
        "beschlussvorlage",
        "2022-08-22",
        [("Beispiel (Demo): Ehrenamtskarte für junge Engagierte", 2022)],
    ),
    (
        "DrS 2021/064",
        "Sozialplanung Fokus 2021 – Zweckbindungen",
        "beschlussvorlage",
        "2021-08-23",
        [("Zweckbindungen", 2021)],
    ),
]

# Wirkungsorientierung: impact goals of the decided recommendations (and one of 2023).
# The seeds name no goals, so every goal is an example and says so in its text. Goals
# with a Sozialmonitoring indicator take their values from the real GENESIS tables above;
# those end in 2002 (Kitas) and 2004 (Sozialhilfe), so these examples span those years
# to show real numbers moving. Manual values are invented and marked the same way.
# (titel der Empfehlung, jahr, angelegt, ziel, messwerte, dialognotizen)
# ziel: text, stufe, zielgruppe, indikator (tabelle, name) or None, eigener_indikator,
#       einheit, ausgangswert (None: from the Sozialmonitoring), ausgangsdatum, zielwert,
#       zieldatum, verantwortlich
WIRKUNGSZIELE = [
    (
        "Fachdienst Jugend/Soziale Dienste",
        2018,
        "2018-10-24",
        {
            "text": "Beispiel (Demo): Das Angebot an Plätzen in Kindertageseinrichtungen "
            "wächst mit dem Bedarf.",
            "stufe": 2,
            "zielgruppe": "Familien mit Kindern bis zum Schuleintritt",
            "indikator": (
                "22541-01-01-4",
                "Verfügbare Plätze – Tageseinrichtungen für Kinder – Insgesamt",
            ),
            "ausgangswert": None,
            "ausgangsdatum": "1998-12-31",
            "zielwert": "10500",
            "zieldatum": "2006-12-31",
            "verantwortlich": "Fachdienst Jugend/Soziale Dienste, Kita-Bedarfsplanung",
        },
        [],
        [
            (
                "2003-03-12",
                "verwaltung",
                "Fachdienst Jugend/Soziale Dienste",
                "Beispiel (Demo): Der Zuwachs bis 2002 liegt im Plan. Die Träger melden für "
                "2003 weitere Gruppen an.",
            ),
        ],
    ),
    (
        "Fachdienst Jugend/Soziale Dienste",
        2018,
        "2018-10-24",
        {
            "text": "Beispiel (Demo): Mehr Krippenplätze für Kinder unter drei Jahren.",
            "stufe": 2,
            "zielgruppe": "Kinder unter drei Jahren und ihre Eltern",
            "indikator": (
                "22541-01-01-4",
                "Verfügbare Plätze – Tageseinrichtungen für Kinder – Plätze für Krippenkinder",
            ),
            "ausgangswert": None,
            "ausgangsdatum": "1998-12-31",
            "zielwert": "450",
            "zieldatum": "2006-12-31",
            "verantwortlich": "Fachdienst Jugend/Soziale Dienste, Kita-Bedarfsplanung",
        },
        [],
        [],
    ),
    (
        "Fachdienst Jugend/Soziale Dienste",
        2018,
        "2018-10-24",
        {
            "text": "Beispiel (Demo): Eltern erleben die Beratung des Fachdienstes als hilfreich.",
            "stufe": 4,
            "zielgruppe": "Eltern in der Beratung des Fachdienstes",
            "indikator": None,
            "eigener_indikator": "Anteil der befragten Eltern, die die Beratung als hilfreich "
            "bewerten (erfundene Werte)",
            "einheit": "Prozent",
            "ausgangswert": "62",
            "ausgangsdatum": "2019-06-30",
            "zielwert": "75",
            "zieldatum": "2024-06-30",
            "verantwortlich": "Fachdienst Jugend/Soziale Dienste",
        },
        [
            ("2020-06-30", "64", "Beispiel (Demo): Elternbefragung 2020"),
            ("2021-06-30", "66", "Beispiel (Demo): Elternbefragung 2021"),
            ("2022-06-30", "67", "Beispiel (Demo): Elternbefragung 2022"),
            ("2023-06-30", "69", "Beispiel (Demo): Elternbefragung 2023"),
        ],
        [
            (
                "2023-09-14",
                "traeger",
                "Beispiel-Träger der Familienberatung",
                "Beispiel (Demo): Die Wartezeit auf einen Termin ist länger geworden; das "
                "drückt die Zufriedenheit.",
            ),
            (
                "2023-10-05",
                "verwaltung",
                "Sozialplanung",
                "Beispiel (Demo): Vereinbart ist eine offene Sprechstunde ab 2024. Wir prüfen "
                "den Wert nach der nächsten Befragung.",
            ),
        ],
    ),
    (
        "Methoden der Wirkungsmessung",
        2019,
        "2019-10-23",
        {
            "text": "Beispiel (Demo): Jede beschlossene Handlungsempfehlung hat mindestens ein "
            "messbares Wirkungsziel.",
            "stufe": 1,
            "zielgruppe": "Sozialplanung und Fachdienste des Kreises",
            "indikator": None,
            "eigener_indikator": "Anteil beschlossener Handlungsempfehlungen mit messbarem "
            "Wirkungsziel (erfundene Werte)",
            "einheit": "Prozent",
            "ausgangswert": "0",
            "ausgangsdatum": "2019-12-31",
            "zielwert": "100",
            "zieldatum": "2025-12-31",
            "verantwortlich": "Sozialplanung",
        },
        [
            ("2021-12-31", "30", "Beispiel (Demo)"),
            ("2023-12-31", "60", "Beispiel (Demo)"),
            ("2024-12-31", "85", "Beispiel (Demo)"),
        ],
        [],
    ),
    (
        "Methoden der Wirkungsmessung",
        2019,
        "2019-10-23",
        {
            "text": "Beispiel (Demo): Weniger Kinder unter sieben Jahren sind auf Sozialhilfe "
            "angewiesen.",
            "stufe": 7,
            "zielgruppe": "Kinder unter sieben Jahren",
            "indikator": (
                "22121-01-02-4",
                "Empfänger(innen) von Sozialhilfe – Altersgruppe – unter 7 Jahre",
            ),
            "ausgangswert": None,
            "ausgangsdatum": "1999-12-31",
            "zielwert": "1500",
            "zieldatum": "2005-12-31",
            "verantwortlich": "Fachdienst Soziales",
        },
        [],
        [],
    ),
    (
        "Methoden der Wirkungsmessung",
        2019,
        "2019-10-23",
        {
            "text": "Beispiel (Demo): Familien in belasteten Lebenslagen erhalten früher "
            "passende Hilfe.",
            "stufe": 6,
            "zielgruppe": "Familien mit Kindern",
            "indikator": None,
            "verantwortlich": "Fachdienst Jugend/Soziale Dienste",
        },
        [],
        [],
    ),
    # The 2023 recommendation's own text: one more site "ab 2024", then "beiden Standorten".
    # Not decided yet, so it shows on its page and not on /wirkung/.
    (
        "Ausweitung des Modellprojekts Rucksack KiTa an mindestens einem weiteren Standort "
        "im Kreis Pinneberg",
        2023,
        None,
        {
            "text": "Beispiel (Demo): Rucksack KiTa wird an mindestens einem weiteren Standort "
            "angeboten.",
            "stufe": 1,
            "zielgruppe": "Kindertageseinrichtungen und ihre Familien",
            "indikator": None,
            "eigener_indikator": "Standorte mit Rucksack KiTa und Eltern-Café",
            "einheit": "Anzahl",
            "ausgangswert": "1",
            "ausgangsdatum": "2023-05-12",
            "zielwert": "2",
            "zieldatum": "2024-12-31",
            "verantwortlich": "Verwaltung",
        },
        [],
        [],
    ),
]
