from __future__ import annotations

import pytest

from services.extractor.parse.textcheck import (
    _CONTROL,
    _is_control,
    check_text,
    identify,
    looks_english,
    truncate,
)

# Written for these tests (and the measurement in docs/choices.md, "Text checks"): English
# news that is not prose, the texts a stop-word share called foreign.
ENGLISH_NON_PROSE = (
    "SOCCER - BELGIAN FIRST DIVISION RESULTS\nBRUSSELS 2024-03-10\n"
    "Results of Belgian first division matches on Sunday:\n"
    "Anderlecht 2 Genk 1\nClub Brugge 0 Standard Liege 0\nGent 3 Charleroi 2\nAntwerp 1 Mechelen 1",
    "NHL ICE HOCKEY - STANDINGS\nNEW YORK 2024-01-14\nEASTERN CONFERENCE\nATLANTIC DIVISION\n"
    "W L OTL PTS\nBOSTON 28 8 7 63\nFLORIDA 29 13 2 60\nTORONTO 24 11 8 56\nTAMPA BAY 22 18 5 49",
    "TENNIS - RESULTS FROM THE MADRID OPEN\nMADRID 2023-05-02\n"
    "Results from the Madrid Open on Tuesday (prefix number denotes seeding):\n"
    "Men's singles, third round\n1-Carlos Alcaraz (Spain) beat Alexander Zverev (Germany) 6-1 6-2\n"
    "Daniil Medvedev (Russia) beat Borna Coric (Croatia) 6-4 7-5",
    "CRICKET - ENGLAND V INDIA SCOREBOARD\nLONDON 2021-09-04\n"
    "Scoreboard on the second day of the fourth test at The Oval:\n"
    "India first innings 191 (Shardul Thakur 57, Virat Kohli 50; Chris Woakes 4-55)\n"
    "England first innings\nR. Burns c Pant b Bumrah 5\nH. Hameed c Pant b Bumrah 0\n"
    "D. Malan run out 31\nJ. Root b Umesh Yadav 21",
    "GOLF - LEADING SCORES AT THE PLAYERS CHAMPIONSHIP\nPONTE VEDRA BEACH, Florida 2024-03-15\n"
    "Leading scores after the first round:\n"
    "65 Scottie Scheffler, Wyndham Clark, Xander Schauffele\n"
    "66 Rory McIlroy (Northern Ireland)\n67 Matt Fitzpatrick (England), Hideki Matsuyama (Japan)",
    "MCILROY SHARES LEAD IN DUBAI",
    "BAYERN SACK COACH AFTER CUP DEFEAT",
    "OIL PRICES FALL AS OPEC MEETS IN VIENNA",
    "PRESIDENT VISITS FLOOD AREAS IN PAKISTAN",
    "ITALY RECALL VETERAN WINGER FOR SIX NATIONS OPENER",
    "RUSSIA SAYS TALKS WITH UKRAINE WILL RESUME ON MONDAY",
    "EARTHQUAKE HITS CENTRAL CHILE",
    "QUAKE OF MAGNITUDE 6.1 STRIKES OFF JAPAN - USGS",
    "Storm closes schools across Scotland",
    "Wall Street ends higher on tech rally",
    "UPDATE 2-Airbus wins order for 150 jets from IndiGo",
    "TOP STORIES\n- Fed holds rates steady\n- Ukraine ceasefire talks stall in Geneva\n"
    "- Apple shares hit record\n- Floods kill 12 in Kenya",
    "LONDON METAL EXCHANGE CLOSING PRICES\nLONDON 2024-02-12\nCopper 8,245.50 8,246.00\n"
    "Aluminium 2,180.00 2,181.50\nZinc 2,310.00 2,312.00\nNickel 16,150 16,175",
    "FOREX - DOLLAR CLOSING RATES\nNEW YORK 2024-02-12\nEuro 1.0772\nYen 149.32\n"
    "Sterling 1.2628\nSwiss franc 0.8745",
    "ELECTION RESULTS - OHIO SENATE\nCOLUMBUS, Ohio\nCandidate Party Votes Pct\n"
    "Bernie Moreno Republican 2,857,383 50.1\nSherrod Brown Democrat 2,650,949 46.5\n"
    "Don Kissick Libertarian 195,648 3.4",
    "WEATHER - EUROPEAN CAPITALS\nForecast highs for Thursday:\nLondon 14 cloudy\n"
    "Paris 17 sunny\nBerlin 12 showers\nMadrid 22 sunny\nRome 19 fair",
    "BASEBALL - MAJOR LEAGUE RESULTS THURSDAY\nNEW YORK 2023-06-08\n"
    "Results of Major League Baseball games played on Thursday (home team in CAPS):\n"
    "American League\nNEW YORK 6 Chicago 2\nBoston 4 TORONTO 3\nTEXAS 9 Oakland 1\n"
    "National League\nATLANTA 5 Philadelphia 4",
    "ATHLETICS - DIAMOND LEAGUE RESULTS IN OSLO\nOSLO 2023-06-15\n"
    "Leading results from the Bislett Games on Thursday:\nMen's 1,500 metres\n"
    "1. Jakob Ingebrigtsen (Norway) 3:29.63\n2. Yared Nuguse (U.S.) 3:29.02\n"
    "Women's 100 metres\n1. Dina Asher-Smith (Britain) 10.94",
    "CYCLING - TOUR DE FRANCE OVERALL STANDINGS\nStage 12, Bourg-en-Bresse\n"
    "1. Tadej Pogacar (Slovenia) UAE Team Emirates 46:56:31\n"
    "2. Jonas Vingegaard (Denmark) Visma +3:09\n3. Remco Evenepoel (Belgium) Soudal +3:21",
    "STOCKS TO WATCH\nNVIDIA: up 4% premarket after results\nTESLA: down 2% on recall news\n"
    "BOEING: flat; FAA to review 737 output",
    "DIARY - EVENTS IN WASHINGTON ON MONDAY\n"
    "0900 Senate Banking Committee hearing with Fed Chair Jerome Powell\n"
    "1100 White House press briefing\n1400 Treasury auctions 3-month bills",
    "TRAIN CRASH VICTIMS NAMED\nLONDON - Police named the dead as:\nJohn Smith, 54, of Leeds\n"
    "Mary Jones, 37, of Bradford\nDavid Brown, 61, of York",
    "NFL FOOTBALL - SUNDAY RESULTS\nKansas City 27 Denver 24\nBuffalo 31 Miami 10\n"
    "Dallas 20 New York Giants 17\nSan Francisco 34 Seattle 13",
    "RUGBY UNION - ENGLAND SQUAD FOR SIX NATIONS\nLONDON 2024-01-17\n"
    "Forwards: Ollie Chessum, Ellis Genge, Jamie George, Maro Itoje, Sam Underhill\n"
    "Backs: Elliot Daly, Henry Slade, Marcus Smith, Ben Earl, Tommy Freeman",
    "SOCCER - ENGLISH PREMIER LEAGUE LEADING SCORERS\n18 Erling Haaland (Manchester City)\n"
    "15 Mohamed Salah (Liverpool)\n13 Ollie Watkins (Aston Villa)\n12 Son Heung-min (Tottenham)",
    "Pakistan floods: death toll rises to 1,100",
    "UN Security Council to meet on Gaza",
    "FACTBOX - Key dates in Brexit talks\nJune 23, 2016 - Britain votes to leave the EU\n"
    "March 29, 2017 - Article 50 triggered\nJan 31, 2020 - Britain leaves the EU",
    "Key points:\n* Inflation 3.2% in March\n* Core prices up 0.4%\n* Jobless claims 212,000",
    "OLYMPICS - MEDALS TABLE\nPARIS 2024-08-11\nCountry Gold Silver Bronze Total\n"
    "United States 40 44 42 126\nChina 40 27 24 91\nJapan 20 12 13 45\n"
    "Australia 18 19 16 53\nFrance 16 26 22 64",
    "HORSE RACING - CHELTENHAM GOLD CUP RESULT\n1. Galopin Des Champs (Paul Townend) 10-11 fav\n"
    "2. Gerri Colombe (Jack Kennedy) 9-1\n3. Corach Rambler (Derek Fox) 7-1",
    "MOTOR RACING - FORMULA ONE DRIVERS' CHAMPIONSHIP\n"
    "1. Max Verstappen (Netherlands) Red Bull 575 points\n2. Sergio Perez (Mexico) Red Bull 285\n"
    "3. Lewis Hamilton (Britain) Mercedes 234",
    "FLIGHT DELAYS AT MAJOR US AIRPORTS\nChicago O'Hare: departures delayed 45 minutes\n"
    "Newark: ground stop until 1800 EST\nDenver: snow, delays of 2 hours",
    "SUPREME COURT ORDERS LIST\nWASHINGTON\nCertiorari granted: Smith v. Arizona; "
    "Texas v. New Mexico\nCertiorari denied: Jones v. Florida",
    "OPINION POLL - GERMAN FEDERAL ELECTION\nBERLIN 2025-02-10\nParty Share (pct) Change\n"
    "CDU/CSU 30 -1\nAfD 21 +1\nSPD 15 0\nGreens 13 -1",
    "NBA BASKETBALL - SATURDAY'S RESULTS\nBoston 112 Milwaukee 108\n"
    "LA Lakers 120 Golden State 117 (OT)\nDenver 101 Phoenix 99",
    "GOLD AND SILVER PRICES\nSpot gold $2,034.50 an ounce\nSpot silver $22.81\n"
    "Platinum $901.20\nPalladium $968.00",
    "MAJOR LEAGUE SOCCER STANDINGS\nEastern Conference\nTeam W L T Pts\n"
    "Cincinnati 18 6 8 62\nOrlando City 16 10 8 56\nColumbus 16 11 7 55",
    "SOCCER - SCOTTISH PREMIERSHIP TABLE\nGLASGOW 2024-04-07\n"
    "P W D L F A PTS\nCELTIC 32 24 5 3 77 24 77\nRANGERS 31 24 3 4 71 22 75\n"
    "HEARTS 32 17 6 9 45 36 57\nKILMARNOCK 32 12 14 6 43 32 50",
    "SOCCER - GERMAN FIRST DIVISION RESULTS\nBERLIN 2024-02-03\n"
    "Results of German first division matches on Saturday:\n"
    "Borussia Moenchengladbach 1 Bayer Leverkusen 2\nVfL Wolfsburg 0 Eintracht Frankfurt 2\n"
    "Werder Bremen 1 FC Augsburg 1\nFC Heidenheim 3 Union Berlin 0",
    "SOCCER - SPANISH FIRST DIVISION STANDINGS\nMADRID 2024-02-04\n"
    "Standings in the Spanish first division (tabulate under played, won, drawn, lost, "
    "goals for, against, points):\nReal Madrid 23 18 4 1 50 14 58\nGirona 23 17 4 2 50 26 55\n"
    "Barcelona 23 14 6 3 47 30 48\nAtletico Madrid 23 14 3 6 45 25 45\n"
    "Athletic Bilbao 23 13 6 4 40 21 45",
    "SOCCER - FRENCH LEAGUE SCORERS\nPARIS\n19 Kylian Mbappe (Paris St Germain)\n"
    "12 Jonathan David (Lille)\n11 Alexandre Lacazette (Olympique Lyonnais)\n"
    "10 Wissam Ben Yedder (Monaco)",
    "SKIING - WORLD CUP MEN'S DOWNHILL RESULTS\nKITZBUEHEL, Austria 2024-01-20\n"
    "1. Cyprien Sarrazin (France) 1:54.04\n2. Dominik Paris (Italy) 1:54.62\n"
    "3. Florian Schieder (Italy) 1:54.88\n4. Marco Odermatt (Switzerland) 1:55.05",
    "MARKETS AT A GLANCE\nS&P 500 5,123.4 +0.8%\nNasdaq 16,085.1 +1.1%\nDow 38,904.0 +0.3%\n"
    "FTSE 100 7,682.5 -0.2%\nNikkei 39,910.8 +0.5%",
)

# The same kinds of text, short, in other languages.
NON_ENGLISH_SHORT = (  # (ISO 639-1, text)
    ("de", "FUSSBALL - ERGEBNISSE DER BUNDESLIGA\nBayern München 3 VfB Stuttgart 1\n"
     "Borussia Dortmund 2 Werder Bremen 2\nRB Leipzig 1 SC Freiburg 0"),
    ("de", "Regierung kündigt neue Hilfen für Landwirte an"),
    ("de", "Bundestag beschließt Haushalt für das kommende Jahr"),
    ("de", "Tabelle der 2. Bundesliga nach dem 20. Spieltag\nPlatz Verein Punkte\n"
     "1. Hamburger SV 40\n2. Fortuna Düsseldorf 38\n3. 1. FC Köln 37"),
    ("fr", "Le gouvernement annonce une réforme des retraites"),
    ("fr", "RÉSULTATS DE LA LIGUE 1\nParis Saint-Germain 2 Olympique de Marseille 0\n"
     "Lyon 1 Lille 1\nMonaco 3 Nantes 1"),
    ("fr", "Les syndicats appellent à une nouvelle journée de grève jeudi"),
    ("es", "El Gobierno aprueba la subida del salario mínimo"),
    ("es", "CLASIFICACIÓN DE LA LIGA\nReal Madrid 58 puntos\nGirona 55 puntos\n"
     "Barcelona 51 puntos\nAtlético de Madrid 48 puntos"),
    ("es", "Las lluvias dejan al menos diez muertos en el sur del país"),
    ("it", "Il governo approva la manovra finanziaria"),
    ("it", "SERIE A, I RISULTATI DELLA GIORNATA\nInter 2 Juventus 1\nMilan 3 Roma 1\n"
     "Napoli 0 Lazio 0"),
    ("nl", "Kabinet stemt in met nieuwe klimaatwet"),
    ("pt", "Governo anuncia novo pacote de medidas económicas"),
    ("pl", "Rząd przyjął projekt budżetu na przyszły rok"),
    ("ru", "Правительство утвердило бюджет на следующий год"),
    ("zh", "国务院召开常务会议 部署稳就业政策"),
    ("ja", "政府は来年度予算案を閣議決定した"),
)  # fmt: skip

ENGLISH = (
    "Russian officials are set to arrive in Florida on Saturday to meet with US negotiators "
    "for the latest round of talks aimed at ending the war in Ukraine."
)
GERMAN = (
    "Der Bundeskanzler hat am Montag in Berlin mit dem französischen Präsidenten über die "
    "Lage in der Ukraine gesprochen und neue Hilfen angekündigt, wie ein Sprecher mitteilte."
)


def test_empty_and_whitespace_are_skipped() -> None:
    assert check_text("", max_chars=100).skip == "empty"
    assert check_text(" \n\t ", max_chars=100).skip == "empty"


def test_binary_is_skipped() -> None:
    assert check_text("\x00\x01\x02PNG\x03\x04", max_chars=100).skip == "binary"
    assert check_text("\ufffd" * 50 + "abc", max_chars=100).skip == "binary"


def test_stray_controls_become_spaces_keeping_offsets() -> None:
    checked = check_text(ENGLISH.replace(" ", "\x0b", 1), max_chars=1000)
    assert checked.skip is None
    assert checked.text == ENGLISH


def test_language() -> None:
    assert looks_english(ENGLISH)
    assert not looks_english(GERMAN)
    assert check_text(GERMAN, max_chars=1000).skip == "not_english"
    assert check_text("Kyiv, Moscow", max_chars=1000).skip is None


@pytest.mark.parametrize("text", ENGLISH_NON_PROSE)
def test_english_tables_lists_and_headlines_are_english(text: str) -> None:
    checked = check_text(text, max_chars=1000)
    assert checked.skip is None
    # Read whole; a line in capitals may be recased for the parse (`casing`), nothing else.
    assert checked.text is not None
    assert checked.text.casefold() == text.casefold()


@pytest.mark.parametrize(
    "text", [text for _, text in NON_ENGLISH_SHORT], ids=[lang for lang, _ in NON_ENGLISH_SHORT]
)
def test_short_text_in_other_languages_is_refused(text: str) -> None:
    assert check_text(text, max_chars=1000).skip == "not_english"


def test_the_text_outweighs_the_declared_language() -> None:
    # A site's <html lang> is often its default, not the article's.
    assert check_text(ENGLISH, max_chars=1000, language="de").skip is None
    assert check_text(GERMAN, max_chars=1000, language="en").skip == "not_english"
    # Too short for the identifier to be sure: the declared language decides, English if none.
    guess = identify("Bayern Munich")
    assert guess is not None
    assert guess.probability < 0.5
    assert check_text("Bayern Munich", max_chars=1000).skip is None
    assert check_text("Bayern Munich", max_chars=1000, language="en").skip is None
    assert check_text("Bayern Munich", max_chars=1000, language="de").skip == "not_english"
    # Short and sure is enough.
    assert check_text("Der Kanzler", max_chars=1000).skip == "not_english"


def test_text_without_words_is_left_to_the_parse() -> None:
    assert identify("... --- !!! 2024-03-10 3:1") is None
    assert check_text("... --- !!! 2024-03-10 3:1", max_chars=1000).skip is None
    assert check_text("... ---", max_chars=1000, language="fr").skip == "not_english"


def test_any_string_is_checked_without_error() -> None:
    for start in range(0, 0x110000, 600):
        text = "".join(chr(cp) for cp in range(start, min(start + 600, 0x110000)))
        check_text(text, max_chars=1000)
        check_text("Talks resumed. " + text, max_chars=1000)


def test_truncation_prefers_a_paragraph_then_a_sentence() -> None:
    text = "First paragraph here.\n\nSecond one. Third sentence goes on and on."
    assert truncate(text, 30) == "First paragraph here."
    assert truncate("One sentence here. Another sentence here. And more.", 45) == (
        "One sentence here. Another sentence here."
    )
    assert truncate("x" * 50, 20) == "x" * 20
    checked = check_text(ENGLISH * 3, max_chars=200)
    assert checked.truncated
    assert checked.text is not None
    assert ENGLISH.startswith(checked.text[:50])
    assert len(checked.text) <= 200


def test_control_class_matches_unicode_categories() -> None:
    every = "".join(chr(cp) for cp in range(0x110000))
    expected = [cp for cp in range(0x110000) if _is_control(chr(cp))]
    assert [ord(m.group()) for m in _CONTROL.finditer(every)] == expected
