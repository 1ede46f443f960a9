<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl_BE">
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../../ui/settingspage.py" line="200"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="209"/>
        <source>Gebruikers&amp;naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="209"/>
        <source>Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="210"/>
        <source>Weer&amp;gavenaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="210"/>
        <source>Weergavenaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="211"/>
        <source>&amp;Rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="211"/>
        <source>Rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="212"/>
        <source>&amp;Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="212"/>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="213"/>
        <source>&amp;Toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="214"/>
        <source>Wachtwoord &amp;opnieuw instellen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="215"/>
        <source>Uit&amp;schakelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="224"/>
        <source>Status van de accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="228"/>
        <source>Nieuw account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="249"/>
        <source>ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="249"/>
        <source>nee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="279"/>
        <source>Account “%1” aangemaakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="295"/>
        <location filename="../../ui/settingspage.py" line="311"/>
        <source>Kies eerst een account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="306"/>
        <source>Het wachtwoord van “%1” is ingesteld.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="313"/>
        <source>Account “%1” uitschakelen? Wie het gebruikt, kan zich niet meer aanmelden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="314"/>
        <source>Account uitschakelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="322"/>
        <source>Account “%1” is uitgeschakeld.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/auditview.py" line="37"/>
        <source>Gebeurtenissen in het auditlogboek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/auditview.py" line="41"/>
        <source>&amp;Vernieuwen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/auditview.py" line="42"/>
        <source>&amp;Controleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/auditview.py" line="43"/>
        <source>&amp;Exporteren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/auditview.py" line="51"/>
        <source>Auditlogboek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/auditview.py" line="84"/>
        <source>Het auditlogboek is volledig en ongewijzigd (%1 gebeurtenissen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/auditview.py" line="90"/>
        <source>Het auditlogboek is NIET in orde vanaf gebeurtenis %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/auditview.py" line="102"/>
        <source>%1 gebeurtenissen geëxporteerd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/auditview.py" line="107"/>
        <source>Auditlogboek exporteren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/auditview.py" line="107"/>
        <source>JSON-regels (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <location filename="../../ui/settingspage.py" line="339"/>
        <source>Reservekopieën</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="340"/>
        <source>Nu &amp;maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="341"/>
        <source>Contro&amp;leren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="342"/>
        <source>&amp;Terugzetten…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="352"/>
        <source>Status van de reservekopieën</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="390"/>
        <source>Reservekopie gemaakt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="399"/>
        <source>in orde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="399"/>
        <source>NIET bruikbaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="403"/>
        <source>%1 van %2 reservekopieën zijn niet bruikbaar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="406"/>
        <source>Alle gecontroleerde reservekopieën (%1) zijn in orde.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="412"/>
        <source>Kies eerst een reservekopie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="415"/>
        <source>De databank terugzetten naar %1? Wat sindsdien werd ingevoerd, staat dan niet meer in de databank (de huidige databank wordt apart bewaard).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="418"/>
        <source>Reservekopie terugzetten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="427"/>
        <source>Teruggezet uit %1. Herstart het programma om overal de teruggezette gegevens te zien.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChartWidget</name>
    <message>
        <location filename="../../ui/reportcharts.py" line="68"/>
        <source>Geen gegevens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../../ui/letterpreview.py" line="293"/>
        <source>Afsprakenbladen afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="298"/>
        <source>Voortgang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="299"/>
        <source>&amp;Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="332"/>
        <source>De printer kon niet worden geopend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="341"/>
        <source>Afsprakenblad %1 van %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="372"/>
        <source>&amp;Sluiten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <location filename="../../ui/catalogue.py" line="62"/>
        <source>bv. examencommissie, NT2, VCA avond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="65"/>
        <source>&amp;Zoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="65"/>
        <source>Zoeken in de catalogus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="69"/>
        <source>Alle categorieën</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="74"/>
        <source>Alle lesmomenten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="78"/>
        <source>Alle kostprijzen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="79"/>
        <source>Gratis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="80"/>
        <source>Gratis of korting voor werkzoekenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="81"/>
        <source>Gratis of korting voor gedetineerden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="83"/>
        <source>Elk niveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="89"/>
        <source>In de &amp;gevangenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="90"/>
        <source>Enkel aanbod in de gevangenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="91"/>
        <source>Niet nagekeken in 12 maan&amp;den</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="92"/>
        <source>Enkel aanbod dat 12 maanden niet is nagekeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="99"/>
        <source>&amp;Categorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="99"/>
        <source>Categorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="100"/>
        <source>Ge&amp;meente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="100"/>
        <source>Gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="101"/>
        <source>&amp;Lesmoment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="101"/>
        <source>Lesmoment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="102"/>
        <source>&amp;Kostprijs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="102"/>
        <source>Kostprijs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="103"/>
        <source>Ni&amp;veau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="103"/>
        <source>Niveau Nederlands van de cliënt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="104"/>
        <source>&amp;Onderwijstaal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="104"/>
        <source>Taal van het onderwijs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="118"/>
        <source>Resultaten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="129"/>
        <source>Details van het aanbod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="137"/>
        <source>&amp;Nieuw aanbod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="138"/>
        <source>Nieuwe &amp;aanbieder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="139"/>
        <source>&amp;Bewerken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="140"/>
        <source>S&amp;topzetten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="141"/>
        <source>&amp;Inlezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="142"/>
        <source>&amp;Uitvoeren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="169"/>
        <source>Status van de catalogus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="215"/>
        <source>Geen aanbod gevonden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="217"/>
        <source>1 aanbod gevonden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="219"/>
        <source>%1 aanbod gevonden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="244"/>
        <source>onbekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="247"/>
        <source>ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="247"/>
        <source>nee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="250"/>
        <source>Aanbieder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="251"/>
        <source>Categorie: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="253"/>
        <source>Stopgezet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="254"/>
        <source>Locaties:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="259"/>
        <source>(in de gevangenis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="264"/>
        <source>Lesmomenten: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="267"/>
        <source>Gratis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="268"/>
        <source>Korting voor werkzoekenden: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="269"/>
        <source>Korting voor gedetineerden: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="270"/>
        <source>Kostprijs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="271"/>
        <source>In de gevangenis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="272"/>
        <source>Vereist niveau Nederlands: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="273"/>
        <source>Toelating: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="274"/>
        <source>Website: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="275"/>
        <source>E-mail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="276"/>
        <source>Telefoon: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="280"/>
        <source>Bronnen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="283"/>
        <source>Laatst nagekeken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="299"/>
        <source>De aanbieder is toegevoegd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="314"/>
        <source>Het aanbod is opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="326"/>
        <source>Het aanbod is stopgezet; het blijft bewaard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="332"/>
        <source>Catalogus inlezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="332"/>
        <source>Catalogus (*.json *.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="338"/>
        <source>Catalogus uitvoeren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="356"/>
        <source>Catalogus inlezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="368"/>
        <source>Het bestand werd geweigerd; er is niets gewijzigd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="377"/>
        <source>Ingelezen: %1 toegevoegd, %2 gewijzigd, %3 ongewijzigd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="387"/>
        <source>Catalogus uitvoeren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue.py" line="401"/>
        <source>Uitgevoerd naar %1: %2 aanbod.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueSheetDialog</name>
    <message>
        <location filename="../../ui/letteractions.py" line="107"/>
        <source>Aanbodblad maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="109"/>
        <source>Categorieën</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="117"/>
        <source>Gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="119"/>
        <source>Gevangenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="120"/>
        <source>(geen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="128"/>
        <source>&amp;Categorieën:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="129"/>
        <source>&amp;Gemeente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="130"/>
        <source>G&amp;evangenis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="132"/>
        <source>&amp;Voorbeeld…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueTableModel</name>
    <message>
        <location filename="../../ui/catalogue_model.py" line="35"/>
        <source>Aanbod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_model.py" line="36"/>
        <source>Aanbieder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_model.py" line="37"/>
        <source>Gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_model.py" line="38"/>
        <source>Categorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_model.py" line="39"/>
        <source>Laatst nagekeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_model.py" line="102"/>
        <source>Niet meer beschikbaar: dit aanbod werd verwijderd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_model.py" line="106"/>
        <source>%1 (stopgezet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_model.py" line="110"/>
        <location filename="../../ui/catalogue_model.py" line="115"/>
        <source>onbekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_model.py" line="117"/>
        <source>%1 (te oud)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../ui/intakepages.py" line="468"/>
        <source>Cliënt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="473"/>
        <source>Geboortedatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="474"/>
        <source>Gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="475"/>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="476"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="477"/>
        <source>Niveau Nederlands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="478"/>
        <source>Doelgroepen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="479"/>
        <source>Detentie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="479"/>
        <source>ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="479"/>
        <source>nee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="480"/>
        <source>Notities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="488"/>
        <source>&amp;Tijdlijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="488"/>
        <source>Tijdlijn van de cliënt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="496"/>
        <source>Nieuwe &amp;intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="497"/>
        <source>&amp;Sluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="506"/>
        <source>Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="507"/>
        <source>Leerwens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="508"/>
        <source>Verwijzing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="509"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="510"/>
        <source>Brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="511"/>
        <source>Toestemming</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../ui/intakepages.py" line="194"/>
        <source>Cliënten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="197"/>
        <source>naam of roepnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="200"/>
        <source>jjjj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="205"/>
        <source>&amp;Zoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="205"/>
        <source>Zoeken op naam of roepnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="207"/>
        <source>Geboorte&amp;jaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="207"/>
        <location filename="../../ui/intakepages.py" line="213"/>
        <source>Geboortejaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="209"/>
        <source>Ge&amp;meente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="209"/>
        <location filename="../../ui/intakepages.py" line="213"/>
        <source>Gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="213"/>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="213"/>
        <source>Laatste activiteit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="216"/>
        <source>Gevonden cliënten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="221"/>
        <source>&amp;Openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="222"/>
        <source>Nieuwe &amp;intake voor deze cliënt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="261"/>
        <source>%1 cliënten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="263"/>
        <source>De eerste %1 cliënten; typ verder om te verfijnen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <location filename="../../ui/errors.py" line="44"/>
        <source>Leerwinkel Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="47"/>
        <source>Technische details &amp;kopiëren</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <location filename="../../ui/intakepages.py" line="289"/>
        <source>Opvolging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="292"/>
        <source>Alle open verwijzingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="295"/>
        <source>Alle verwijzingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="296"/>
        <source>Alleen wat &amp;nu opvolging vraagt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="297"/>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="297"/>
        <source>Filter op status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="303"/>
        <source>Verwijzingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="306"/>
        <source>Gekozen verwijzing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="309"/>
        <source>Verwijzing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="313"/>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="313"/>
        <source>Nieuwe status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="316"/>
        <source>Notitie bij s&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="316"/>
        <source>Notitie bij de status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="322"/>
        <source>&amp;Opvolgdatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="322"/>
        <source>Opvolgdatum (dd/mm/jjjj)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="328"/>
        <source>&amp;Resultaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="328"/>
        <source>Resultaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="331"/>
        <source>Notitie bij resu&amp;ltaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="331"/>
        <source>Notitie bij het resultaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="338"/>
        <source>&amp;Bewaren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="339"/>
        <source>&amp;Cliënt tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="397"/>
        <source>Geen verwijzing gekozen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="415"/>
        <source>Opvolgdatum: “%1” is geen geldige datum (dd/mm/jjjj)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="450"/>
        <source>Verwijzing bewaard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeneralSettings</name>
    <message>
        <location filename="../../ui/settingspage.py" line="98"/>
        <source>&amp;Bladeren…</source>
        <extracomment>The label of each setting on the form (with its mnemonic); the core&apos;s description is the tooltip.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="105"/>
        <source>Op&amp;slaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="109"/>
        <source>Status van de instellingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="112"/>
        <source>Alleen een beheerder kan de instellingen wijzigen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="161"/>
        <source>De instellingen zijn opgeslagen (%1 gewijzigd).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="164"/>
        <source>Er was niets gewijzigd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="176"/>
        <source>Logo kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="176"/>
        <source>Afbeeldingen (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/intakeform.py" line="170"/>
        <location filename="../../ui/intakeform.py" line="542"/>
        <source>Nieuwe intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="196"/>
        <source>&amp;Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="197"/>
        <source>Ctrl+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="198"/>
        <source>Nieuw &amp;formulier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="250"/>
        <source>Persoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="275"/>
        <source>Situatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="282"/>
        <source>Doelgroep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="289"/>
        <source>In detentie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="309"/>
        <source>Kwetsbaarheden en drempels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="316"/>
        <source>Kwetsbaarheid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="334"/>
        <source>Drempel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="338"/>
        <source>notitie (optioneel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="339"/>
        <source>Notitie bij drempel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="351"/>
        <source>Leerwensen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="358"/>
        <source>Leerwens &amp;toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="366"/>
        <source>Voorstellen uit de catalogus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="370"/>
        <source>Voor leer&amp;wens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="370"/>
        <source>Voorstellen voor leerwens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="374"/>
        <source>Passend aanbod met redenen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="378"/>
        <source>&amp;Verwijzen naar het gekozen aanbod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="388"/>
        <source>Toestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="389"/>
        <source>Gegevens bewaren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="390"/>
        <source>Delen met de aanbieder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="391"/>
        <source>Contact opnemen voor opvolging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="405"/>
        <source>Vastgelegd door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="408"/>
        <source>Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="434"/>
        <source>Bestaat deze cliënt al?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="439"/>
        <source>Mogelijke dubbele cliënten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="443"/>
        <source>Deze cliënt &amp;gebruiken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="444"/>
        <source>Toch een nieuwe cliënt &amp;maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="480"/>
        <source>Een opgeslagen leerwens blijft in de geschiedenis van de cliënt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="538"/>
        <source>(geen account aangemeld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="561"/>
        <source>(onbekend)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="562"/>
        <location filename="../../ui/intakeform.py" line="882"/>
        <source>Intake voor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="717"/>
        <source>Concept niet bewaard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="808"/>
        <source>zelfde naam en geboortedatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="810"/>
        <source>gelijkaardige naam in dezelfde gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="820"/>
        <source>Er bestaan al cliënten die op deze persoon lijken. Kijk eerst na of het dezelfde persoon is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="860"/>
        <source>Kijk eerst na of deze cliënt al bestaat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="884"/>
        <source>Intake opgeslagen voor %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="938"/>
        <source>Past niet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="945"/>
        <source>Geen passend aanbod in de catalogus voor deze leerwens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="955"/>
        <source>Kies eerst een aanbod in de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="976"/>
        <source>Verwijzing naar %1 aangemaakt; opvolging op %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakePages</name>
    <message>
        <location filename="../../ui/intakepages.py" line="625"/>
        <source>Kies eerst een verwijzing op Vandaag of Opvolging, of open een cliënt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterButtons</name>
    <message>
        <location filename="../../ui/intakeletters.py" line="62"/>
        <source>Brief over verwij&amp;zing</source>
        <extracomment>What the timeline shows for a registered letter (kind and action codes of the letter service).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeletters.py" line="62"/>
        <source>Verwijzing voor de brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeletters.py" line="69"/>
        <source>Verwijsbrief afdr&amp;ukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeletters.py" line="70"/>
        <source>Ctrl+P: de verwijsbrief voor de aanbieder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeletters.py" line="71"/>
        <source>Afsprakenblad afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeletters.py" line="72"/>
        <source>Het afsprakenblad voor de cliënt, in de gekozen taal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeletters.py" line="73"/>
        <source>Afsprakenblad afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeletters.py" line="74"/>
        <source>Verwijsbrief afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeletters.py" line="77"/>
        <source>Taal van &amp;het afsprakenblad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeletters.py" line="77"/>
        <source>Taal van het afsprakenblad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeletters.py" line="126"/>
        <location filename="../../ui/intakeletters.py" line="139"/>
        <source>Kies eerst een verwijzing; maak er een met “Verwijzen naar het gekozen aanbod”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterPreviewDialog</name>
    <message>
        <location filename="../../ui/letterpreview.py" line="116"/>
        <source>Voorbeeld: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="125"/>
        <source>Pagina&apos;s van de brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="133"/>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="134"/>
        <source>&amp;Zoom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="137"/>
        <source>&amp;Afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="138"/>
        <source>Opslaan als &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="139"/>
        <source>&amp;Sluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="145"/>
        <source>Melding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="202"/>
        <source>Pagina %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="244"/>
        <source>Afdrukken is niet gelukt. Controleer de printer en probeer het opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="246"/>
        <source>De brief is naar de printer gestuurd en bij de verwijzing geregistreerd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="257"/>
        <source>Opgeslagen als %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/inactivity.py" line="28"/>
        <source>Vergrendeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/inactivity.py" line="30"/>
        <source>Leerwinkel Intake is vergrendeld. Typ het wachtwoord van %1 om verder te werken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/inactivity.py" line="37"/>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/inactivity.py" line="38"/>
        <source>&amp;Wachtwoord:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/inactivity.py" line="44"/>
        <source>&amp;Ontgrendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/inactivity.py" line="61"/>
        <source>Dat wachtwoord klopt niet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/logindialog.py" line="172"/>
        <source>Aanmelden bij Leerwinkel Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="177"/>
        <source>&amp;Gebruikersnaam:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="177"/>
        <source>Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="178"/>
        <source>&amp;Wachtwoord:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="178"/>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="181"/>
        <source>&amp;Aanmelden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="183"/>
        <source>&amp;Stoppen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="50"/>
        <source>Leerwinkel Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="54"/>
        <source>Navigatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="63"/>
        <source>Deze pagina volgt in een volgende versie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="65"/>
        <source>Vandaag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="66"/>
        <source>Cliënten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="67"/>
        <source>Nieuwe intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="68"/>
        <source>Catalogus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="69"/>
        <source>Opvolging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="70"/>
        <source>Rapporten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="71"/>
        <source>Instellingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="94"/>
        <source>Gegevens: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfferingDialog</name>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="49"/>
        <source>Aanbod bewerken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="49"/>
        <source>Nieuw aanbod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="55"/>
        <source>&amp;Aanbieder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="55"/>
        <source>Aanbieder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="57"/>
        <source>&amp;Titel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="57"/>
        <source>Titel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="61"/>
        <source>&amp;Categorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="61"/>
        <source>Categorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="64"/>
        <source>&amp;Beschrijving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="64"/>
        <source>Beschrijving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="72"/>
        <source>Lesmoment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="75"/>
        <source>Lesmomenten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="78"/>
        <source>&amp;Gratis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="78"/>
        <source>Gratis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="80"/>
        <source>Korting &amp;werkzoekenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="80"/>
        <source>Korting werkzoekenden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="82"/>
        <source>Korting ge&amp;detineerden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="82"/>
        <source>Korting gedetineerden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="84"/>
        <source>&amp;Kostprijs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="84"/>
        <source>Kostprijs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="85"/>
        <source>Aanbod in de gevangeni&amp;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="86"/>
        <source>Aanbod in de gevangenis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="91"/>
        <source>Vereist &amp;niveau Nederlands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="91"/>
        <source>Vereist niveau Nederlands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="93"/>
        <source>Webs&amp;ite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="93"/>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="95"/>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="95"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="97"/>
        <source>Tele&amp;foon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="97"/>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="100"/>
        <source>B&amp;ronnen (een per regel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="100"/>
        <source>Bronnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="102"/>
        <source>jjjj-mm-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="103"/>
        <source>&amp;Laatst nagekeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="103"/>
        <source>Laatst nagekeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="108"/>
        <source>Problemen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="122"/>
        <source>onbekend</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemReportDialog</name>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="251"/>
        <source>Bestand geweigerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="253"/>
        <source>%1 werd niet ingelezen: %2 problemen. Er is niets gewijzigd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="261"/>
        <source>Foutenrapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="262"/>
        <source>Rapport &amp;opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="277"/>
        <source>Foutenrapport opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="277"/>
        <source>Tekst (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="196"/>
        <source>Nieuwe aanbieder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="199"/>
        <source>&amp;Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="199"/>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="201"/>
        <source>&amp;Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="201"/>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="203"/>
        <source>&amp;Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="203"/>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="205"/>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="205"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="207"/>
        <source>Tele&amp;foon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="207"/>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="210"/>
        <source>B&amp;ronnen (een per regel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_dialogs.py" line="210"/>
        <source>Bronnen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../ui/logindialog.py" line="109"/>
        <location filename="../../ui/logindialog.py" line="122"/>
        <source>Herstelsleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="112"/>
        <source>Dit is de herstelsleutel. Druk ze af of schrijf ze op en bewaar ze veilig, apart van deze computer. Ze wordt nooit opnieuw getoond. Met de herstelsleutel stel je een nieuw wachtwoord in als de beheerder het vergeet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="127"/>
        <source>&amp;Kopiëren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="129"/>
        <source>Ik heb de sleutel &amp;bewaard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralLetterDialog</name>
    <message>
        <location filename="../../ui/letteroptions.py" line="43"/>
        <source>Verwijsbrief maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="46"/>
        <source>De cliënt gaf toestemming om gegevens met de aanbieder te delen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="49"/>
        <source>De cliënt gaf geen toestemming om gegevens met de aanbieder te delen: de brief vermeldt geen naam of contactgegevens, alleen een referentie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="55"/>
        <source>&amp;Contactgegevens van de cliënt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="57"/>
        <source>&amp;Drempels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="58"/>
        <source>&amp;Kwetsbaarheden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="59"/>
        <source>D&amp;etentie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="61"/>
        <source>Achtergrond voor de aanbieder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="63"/>
        <source>&amp;Achtergrond voor de aanbieder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="66"/>
        <source>Eigen vraag aan de aanbieder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="68"/>
        <source>Leeg laten voor de standaardvraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="69"/>
        <source>Eigen &amp;vraag aan de aanbieder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteroptions.py" line="81"/>
        <source>&amp;Voorbeeld…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/reports.py" line="78"/>
        <location filename="../../ui/reports.py" line="102"/>
        <source>Jaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="78"/>
        <source>Kwartaal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="78"/>
        <source>Maand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="78"/>
        <source>Aangepast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="92"/>
        <source>Alle locaties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="95"/>
        <source>&amp;Vernieuwen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="96"/>
        <source>Cijfers opnieuw berekenen (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="101"/>
        <source>&amp;Periode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="101"/>
        <source>Soort periode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="102"/>
        <source>&amp;Jaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="103"/>
        <source>&amp;Deel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="103"/>
        <source>Kwartaal of maand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="104"/>
        <source>V&amp;an</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="104"/>
        <source>Eerste dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="105"/>
        <source>&amp;Tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="105"/>
        <source>Laatste dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="106"/>
        <source>&amp;Locatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="106"/>
        <source>Locatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="119"/>
        <source>Cijfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="123"/>
        <source>Personen begeleid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="124"/>
        <source>Nieuw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="125"/>
        <source>Terugkerend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="126"/>
        <location filename="../../ui/reports.py" line="349"/>
        <source>Intakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="127"/>
        <location filename="../../ui/reports.py" line="350"/>
        <source>Verwijzingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="128"/>
        <source>Ingeschreven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="129"/>
        <source>Gestart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="130"/>
        <source>Afgerond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="131"/>
        <source>Afgehaakt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="132"/>
        <source>Opvolging te laat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="133"/>
        <source>Dagen tot inschrijving (gem.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="149"/>
        <source>Verloop per maand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="150"/>
        <source>Leerwensen (personen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="151"/>
        <source>Drempels (personen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="156"/>
        <source>Exporteren als &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="157"/>
        <source>Exporteren als &amp;Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="158"/>
        <source>Exporteren als &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="160"/>
        <source>Exports zijn anoniem: geen namen, aantallen van 1 tot 4 als “&lt;5”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="168"/>
        <source>Melding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="172"/>
        <source>Rapporten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="216"/>
        <source>Kwartaal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="220"/>
        <source>januari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="221"/>
        <source>februari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="222"/>
        <source>maart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="223"/>
        <source>april</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="224"/>
        <source>mei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="225"/>
        <source>juni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="226"/>
        <source>juli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="227"/>
        <source>augustus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="228"/>
        <source>september</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="229"/>
        <source>oktober</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="230"/>
        <source>november</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="231"/>
        <source>december</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="316"/>
        <source>Cijfers worden berekend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="351"/>
        <source>Inschrijvingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="391"/>
        <source>Rapport wordt gemaakt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="399"/>
        <source>Rapport opgeslagen: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <location filename="../../ui/settingspage.py" line="446"/>
        <source>&amp;Zoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="447"/>
        <source>&amp;Wissen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="454"/>
        <source>Cliënten voorbij de bewaartermijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="456"/>
        <source>&amp;Jaren zonder activiteit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="456"/>
        <source>Jaren zonder activiteit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="461"/>
        <source>Status van de bewaartermijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="492"/>
        <source>%1 cliënten zonder activiteit sinds %2 jaar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="500"/>
        <source>%1 cliënten en al hun gegevens (intakes, verwijzingen, brieven) definitief wissen? Dit kan niet ongedaan gemaakt worden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="503"/>
        <source>Gegevens wissen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="511"/>
        <source>%1 cliënten gewist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionHandoutsDialog</name>
    <message>
        <location filename="../../ui/letteractions.py" line="42"/>
        <source>Afsprakenbladen van een sessie afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="44"/>
        <source>Locatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="52"/>
        <source>Datum van de sessie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="54"/>
        <source>Taal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="61"/>
        <source>&amp;Locatie:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="62"/>
        <source>&amp;Datum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="63"/>
        <source>&amp;Taal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="65"/>
        <source>&amp;Afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="92"/>
        <source>Er zijn geen verwijzingen op deze locatie en datum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="95"/>
        <source>%1 van %2 afsprakenbladen afgedrukt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settingspage.py" line="523"/>
        <source>Instellingen en beheer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="525"/>
        <source>&amp;Algemeen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="535"/>
        <source>Acco&amp;unts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="536"/>
        <source>Reserve&amp;kopieën</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="537"/>
        <source>Bewaarterm&amp;ijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="538"/>
        <source>Au&amp;ditlogboek</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../ui/logindialog.py" line="52"/>
        <source>Leerwinkel Intake instellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="55"/>
        <source>Welkom. Maak eerst het account van de beheerder aan. De gegevens worden versleuteld bewaard; zonder wachtwoord of herstelsleutel kan niemand ze lezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="67"/>
        <source>&amp;Gebruikersnaam:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="67"/>
        <source>Gebruikersnaam van de beheerder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="68"/>
        <source>&amp;Wachtwoord:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="68"/>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="69"/>
        <source>&amp;Herhaal wachtwoord:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="69"/>
        <source>Herhaal wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="72"/>
        <source>&amp;Aanmaken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="74"/>
        <source>&amp;Stoppen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/logindialog.py" line="85"/>
        <source>De twee wachtwoorden zijn niet gelijk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../ui/intakepages.py" line="142"/>
        <source>&amp;Afspraken vandaag</source>
        <extracomment>The offering and provider columns take the spare width; their long names are elided.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="142"/>
        <source>Afspraken vandaag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="146"/>
        <source>Opvolging die vandaag of eerder gepland is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="147"/>
        <source>&amp;Op te volgen (te laat eerst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="147"/>
        <source>Op te volgen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="164"/>
        <source>Vandaag, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="172"/>
        <source>Geen afspraken.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WishRow</name>
    <message>
        <location filename="../../ui/intakeform.py" line="115"/>
        <source>Verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="116"/>
        <source>Leerwens %1 verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="117"/>
        <source>Cate&amp;gorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="120"/>
        <source>Omschrijving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakeform.py" line="123"/>
        <source>Doel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/intakecommon.py" line="69"/>
        <source>Leerwinkel Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakecommon.py" line="80"/>
        <source>Concept terugzetten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakecommon.py" line="81"/>
        <source>Er is een intake die niet werd opgeslagen (bewaard op %1). Wil je verder werken?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakecommon.py" line="100"/>
        <source>Niet opgeslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakecommon.py" line="101"/>
        <source>De intake is nog niet opgeslagen. Wat wil je doen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakecommon.py" line="102"/>
        <source>&amp;Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakecommon.py" line="103"/>
        <source>&amp;Niet opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakecommon.py" line="104"/>
        <source>&amp;Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/intakepages.py" line="668"/>
        <source>Hulp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letterpreview.py" line="188"/>
        <source>Opslaan als PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports.py" line="370"/>
        <source>Rapport opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="286"/>
        <source>Nieuw wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settingspage.py" line="287"/>
        <source>Nieuw wachtwoord voor %1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/letteractions.py" line="160"/>
        <source>&amp;Afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="161"/>
        <source>Afsprakenbladen van een &amp;sessie…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/letteractions.py" line="163"/>
        <source>&amp;Aanbodblad…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
