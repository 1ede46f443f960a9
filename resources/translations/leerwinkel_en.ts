<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl_BE">
<context>
    <name>AccountsTab</name>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Gebruikers&amp;naam</source>
        <translation>User &amp;name</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Weer&amp;gavenaam</source>
        <translation>Display na&amp;me</translation>
    </message>
    <message>
        <source>Weergavenaam</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>&amp;Rol</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Wachtwoord &amp;opnieuw instellen…</source>
        <translation>Reset pass&amp;word…</translation>
    </message>
    <message>
        <source>Uit&amp;schakelen</source>
        <translation>Di&amp;sable</translation>
    </message>
    <message>
        <source>Status van de accounts</source>
        <translation>Status of the accounts</translation>
    </message>
    <message>
        <source>Nieuw account</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Account “%1” aangemaakt.</source>
        <translation>Account “%1” created.</translation>
    </message>
    <message>
        <source>Kies eerst een account.</source>
        <translation>Choose an account first.</translation>
    </message>
    <message>
        <source>Het wachtwoord van “%1” is ingesteld.</source>
        <translation>The password of “%1” has been set.</translation>
    </message>
    <message>
        <source>Account “%1” uitschakelen? Wie het gebruikt, kan zich niet meer aanmelden.</source>
        <translation>Disable account “%1”? Whoever uses it can no longer sign in.</translation>
    </message>
    <message>
        <source>Account uitschakelen</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>Account “%1” is uitgeschakeld.</source>
        <translation>Account “%1” is disabled.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Welkom bij Leerwinkel Intake</source>
        <translation>Welcome to Leerwinkel Intake</translation>
    </message>
    <message>
        <source>Stap 1 van 4: het account van de beheerder</source>
        <translation>Step 1 of 4: the administrator&apos;s account</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>Gebruikersnaam van de beheerder</source>
        <translation>User name of the administrator</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Herhaal wachtwoord:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Herhaal wachtwoord</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Maak eerst het account van de beheerder aan. De gegevens worden versleuteld bewaard; zonder wachtwoord of herstelsleutel kan niemand ze lezen.</source>
        <translation>First create the administrator&apos;s account. The data are stored encrypted; without a password or the recovery key nobody can read them.</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Gebeurtenissen in het auditlogboek</source>
        <translation>Events in the audit log</translation>
    </message>
    <message>
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Controleren</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <source>&amp;Exporteren…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Auditlogboek</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Het auditlogboek is volledig en ongewijzigd (%1 gebeurtenissen).</source>
        <translation>The audit log is complete and unchanged (%1 events).</translation>
    </message>
    <message>
        <source>Het auditlogboek dat %1 stuurde, is NIET in orde vanaf gebeurtenis %2.</source>
        <translation>The audit log that %1 sent is NOT in order from event %2.</translation>
    </message>
    <message>
        <source>Het auditlogboek is NIET in orde vanaf gebeurtenis %1.</source>
        <translation>The audit log is NOT in order from event %1 onwards.</translation>
    </message>
    <message>
        <source>Auditlogboek controleren…</source>
        <translation>Checking the audit log…</translation>
    </message>
    <message>
        <source>%1 gebeurtenissen geëxporteerd.</source>
        <translation>%1 events exported.</translation>
    </message>
    <message>
        <source>Auditlogboek exporteren…</source>
        <translation>Exporting the audit log…</translation>
    </message>
    <message>
        <source>Auditlogboek exporteren</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>JSON-regels (*.jsonl)</source>
        <translation>JSON lines (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Gemaakt (UTC)</source>
        <translation>Created (UTC)</translation>
    </message>
    <message>
        <source>Grootte (kB)</source>
        <translation>Size (kB)</translation>
    </message>
    <message>
        <source>Controle</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Reservekopieën</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Nu mak&amp;en</source>
        <translation>Make no&amp;w</translation>
    </message>
    <message>
        <source>Contro&amp;leren</source>
        <translation>Veri&amp;fy</translation>
    </message>
    <message>
        <source>&amp;Terugzetten…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <source>Status van de reservekopieën</source>
        <translation>Status of the backups</translation>
    </message>
    <message>
        <source>Reservekopie gemaakt: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <source>Reservekopie maken…</source>
        <translation>Making a backup…</translation>
    </message>
    <message>
        <source>in orde</source>
        <translation>in order</translation>
    </message>
    <message>
        <source>NIET bruikbaar</source>
        <translation>NOT usable</translation>
    </message>
    <message>
        <source>%1 van %2 reservekopieën zijn niet bruikbaar.</source>
        <translation>%1 of %2 backups are not usable.</translation>
    </message>
    <message>
        <source>Alle gecontroleerde reservekopieën (%1) zijn in orde.</source>
        <translation>All verified backups (%1) are in order.</translation>
    </message>
    <message>
        <source>Reservekopieën controleren…</source>
        <translation>Checking the backups…</translation>
    </message>
    <message>
        <source>Kies eerst een reservekopie.</source>
        <translation>Choose a backup first.</translation>
    </message>
    <message>
        <source>De databank terugzetten naar %1? Wat sindsdien werd ingevoerd, staat dan niet meer in de databank (de huidige databank wordt apart bewaard).</source>
        <translation>Restore the database to %1? What was entered since then will no longer be in the database (the current database is kept separately).</translation>
    </message>
    <message>
        <source>Reservekopie terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Teruggezet uit %1. Herstart het programma om overal de teruggezette gegevens te zien.</source>
        <translation>Restored from %1. Restart the program to see the restored data everywhere.</translation>
    </message>
    <message>
        <source>Reservekopie terugzetten…</source>
        <translation>Restoring the backup…</translation>
    </message>
</context>
<context>
    <name>BarChartWidget</name>
    <message>
        <source>Geen gegevens</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>CatalogueFiles</name>
    <message>
        <source>Ingelezen: %1 toegevoegd, %2 gewijzigd, %3 ongewijzigd.</source>
        <translation>Imported: %1 added, %2 changed, %3 unchanged.</translation>
    </message>
    <message>
        <source>Het bestand werd geweigerd; er is niets gewijzigd.</source>
        <translation>The file was refused; nothing was changed.</translation>
    </message>
    <message>
        <source>Catalogus inlezen…</source>
        <translation>Importing the catalogue…</translation>
    </message>
    <message>
        <source>Uitgevoerd naar %1: %2 aanbod.</source>
        <translation>Exported to %1: %2 offerings.</translation>
    </message>
    <message>
        <source>Catalogus uitvoeren…</source>
        <translation>Exporting the catalogue…</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>bv. examencommissie, NT2, VCA avond</source>
        <translation>e.g. exam board, Dutch as a second language, VCA evening</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Zoeken in de catalogus</source>
        <translation>Search the catalogue</translation>
    </message>
    <message>
        <source>Alle categorieën</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Alle lesmomenten</source>
        <translation>All class times</translation>
    </message>
    <message>
        <source>Alle kostprijzen</source>
        <translation>All costs</translation>
    </message>
    <message>
        <source>Gratis</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>Gratis of korting voor werkzoekenden</source>
        <translation>Free or reduced for jobseekers</translation>
    </message>
    <message>
        <source>Gratis of korting voor gedetineerden</source>
        <translation>Free or reduced for prisoners</translation>
    </message>
    <message>
        <source>Elk niveau</source>
        <translation>Any level</translation>
    </message>
    <message>
        <source>In de &amp;gevangenis</source>
        <translation>In &amp;prison</translation>
    </message>
    <message>
        <source>Enkel aanbod in de gevangenis</source>
        <translation>Only offerings in prison</translation>
    </message>
    <message>
        <source>&amp;Categorie</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Ge&amp;meente</source>
        <translation>Municipa&amp;lity</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>&amp;Lesmoment</source>
        <translation>Class &amp;time</translation>
    </message>
    <message>
        <source>Lesmoment</source>
        <translation>Class time</translation>
    </message>
    <message>
        <source>&amp;Kostprijs</source>
        <translation>C&amp;ost</translation>
    </message>
    <message>
        <source>Kostprijs</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Ni&amp;veau</source>
        <translation>Le&amp;vel</translation>
    </message>
    <message>
        <source>Niveau Nederlands van de cliënt</source>
        <translation>The client&apos;s level of Dutch</translation>
    </message>
    <message>
        <source>&amp;Onderwijstaal</source>
        <translation>Lan&amp;guage of instruction</translation>
    </message>
    <message>
        <source>Taal van het onderwijs</source>
        <translation>Language of instruction</translation>
    </message>
    <message>
        <source>Resultaten</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>&amp;Nieuw aanbod</source>
        <translation>&amp;New offering</translation>
    </message>
    <message>
        <source>&amp;Bewerken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Loc&amp;aties…</source>
        <translation>Loc&amp;ations…</translation>
    </message>
    <message>
        <source>De locaties van de aanbieder van het gekozen aanbod toevoegen of bewerken</source>
        <translation>Add or edit the locations of the chosen offering&apos;s provider</translation>
    </message>
    <message>
        <source>S&amp;topzetten</source>
        <translation>Discontin&amp;ue</translation>
    </message>
    <message>
        <source>&amp;Inlezen…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>&amp;Uitvoeren…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>Nag&amp;ekeken…</source>
        <translation>Chec&amp;ked…</translation>
    </message>
    <message>
        <source>Noteren dat je het gekozen aanbod vandaag hebt nagekeken, en hoe</source>
        <translation>Record that you checked the chosen offering today, and how</translation>
    </message>
    <message>
        <source>Ve&amp;rwijzen…</source>
        <translation>Re&amp;fer…</translation>
    </message>
    <message>
        <source>Een cliënt kiezen en naar het gekozen aanbod verwijzen</source>
        <translation>Choose a client and refer them to the chosen offering</translation>
    </message>
    <message>
        <source>Status van de catalogus</source>
        <extracomment>Where the page publishes what a referral changed (the main window&apos;s change hub).</extracomment>
        <translation>Status of the catalogue</translation>
    </message>
    <message>
        <source>Gevangenismodus</source>
        <translation>Prison mode</translation>
    </message>
    <message>
        <source>De catalogus wordt geladen…</source>
        <translation>Loading the catalogue…</translation>
    </message>
    <message>
        <source>Gevangenismodus: alleen het aanbod in %1. Stop de gevangenismodus voor de hele catalogus.</source>
        <translation>Prison mode: only what is offered in %1. Stop prison mode for the whole catalogue.</translation>
    </message>
    <message>
        <source>Geen aanbod gevonden.</source>
        <translation>No offerings found.</translation>
    </message>
    <message>
        <source>1 aanbod gevonden.</source>
        <translation>1 offering found.</translation>
    </message>
    <message>
        <source>De aanbieder is toegevoegd.</source>
        <translation>The provider has been added.</translation>
    </message>
    <message>
        <source>Kies eerst een aanbod; je bewerkt dan de locaties van zijn aanbieder.</source>
        <translation>Choose an offering first; you then edit the locations of its provider.</translation>
    </message>
    <message>
        <source>De locaties van %1 zijn opgeslagen.</source>
        <translation>The locations of %1 have been saved.</translation>
    </message>
    <message>
        <source>Het aanbod is opgeslagen.</source>
        <translation>The offering has been saved.</translation>
    </message>
    <message>
        <source>Het aanbod is stopgezet; het blijft bewaard.</source>
        <translation>The offering has been discontinued; it is kept.</translation>
    </message>
    <message>
        <source>Catalogus inlezen</source>
        <translation>Import a catalogue</translation>
    </message>
    <message>
        <source>Catalogus (*.json *.xlsx *.csv)</source>
        <translation>Catalogue (*.json *.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Catalogus uitvoeren</source>
        <translation>Export the catalogue</translation>
    </message>
    <message>
        <source>Te controleren (%1 maan&amp;den niet nagekeken)</source>
        <translation>To check (not checked for %1 mont&amp;hs)</translation>
    </message>
    <message>
        <source>Enkel aanbod dat %1 maanden niet is nagekeken</source>
        <translation>Only offerings not checked for %1 months</translation>
    </message>
    <message>
        <source>Nieu&amp;we aanbieder</source>
        <translation>Ne&amp;w provider</translation>
    </message>
    <message>
        <source>%1 aanbiedingen gevonden.</source>
        <translation>%1 offerings found.</translation>
    </message>
    <message>
        <source>Kies eerst een aanbod in de lijst.</source>
        <translation>Choose an offering in the list first.</translation>
    </message>
    <message>
        <source>Nagekeken op %1.</source>
        <translation>Checked on %1.</translation>
    </message>
</context>
<context>
    <name>CatalogueSheetDialog</name>
    <message>
        <source>Aanbodblad maken</source>
        <translation>Make an offerings sheet</translation>
    </message>
    <message>
        <source>Categorieën</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Gevangenis</source>
        <translation>Prison</translation>
    </message>
    <message>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>&amp;Categorieën:</source>
        <translation>&amp;Categories:</translation>
    </message>
    <message>
        <source>&amp;Gemeente:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>G&amp;evangenis:</source>
        <translation>P&amp;rison:</translation>
    </message>
    <message>
        <source>&amp;Voorbeeld…</source>
        <translation>&amp;Preview…</translation>
    </message>
</context>
<context>
    <name>CatalogueTableModel</name>
    <message>
        <source>Aanbod</source>
        <translation>Offering</translation>
    </message>
    <message>
        <source>Aanbieder</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Nagekeken</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Status onzeker: %1</source>
        <translation>Status uncertain: %1</translation>
    </message>
    <message>
        <source>nooit</source>
        <translation>never</translation>
    </message>
    <message>
        <source>%1: meer dan 12 maanden geleden nagekeken</source>
        <translation>%1: checked more than 12 months ago</translation>
    </message>
    <message>
        <source>Niet meer beschikbaar: dit aanbod werd verwijderd.</source>
        <translation>No longer available: this offering was deleted.</translation>
    </message>
    <message>
        <source>%1 (stopgezet)</source>
        <translation>%1 (discontinued)</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>Cliënt: %1</source>
        <translation>Client: %1</translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Niveau Nederlands</source>
        <translation>Level of Dutch</translation>
    </message>
    <message>
        <source>Doelgroepen</source>
        <translation>Target groups</translation>
    </message>
    <message>
        <source>Detentie</source>
        <translation>Detention</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nog niemand</source>
        <translation>nobody yet</translation>
    </message>
    <message>
        <source>Gevolgd door: %1</source>
        <translation>Followed by: %1</translation>
    </message>
    <message>
        <source>Nog geen toestemming geregistreerd.</source>
        <translation>No consent recorded yet.</translation>
    </message>
    <message>
        <source>Gegevens bewaren: %1 · delen met de aanbieder: %2 · later contact: %3
Sinds %4, door %5</source>
        <translation>Keep data: %1 · share with the provider: %2 · contact later: %3
Since %4, by %5</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source> (vrijlating verwacht op %1)</source>
        <translation> (release expected on %1)</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Talen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source> · door %1</source>
        <translation> · by %1</translation>
    </message>
    <message>
        <source>Gegevens van %1 bewaard.</source>
        <translation>Data of %1 saved.</translation>
    </message>
    <message>
        <source>Contact bewaard.</source>
        <translation>Contact saved.</translation>
    </message>
    <message>
        <source>&amp;Tijdlijn</source>
        <translation>&amp;Timeline</translation>
    </message>
    <message>
        <source>Geschiedenis van de toestemming</source>
        <translation>History of the consent</translation>
    </message>
    <message>
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Tijdlijn van de cliënt</source>
        <translation>Timeline of the client</translation>
    </message>
    <message>
        <source>Gegevens &amp;wijzigen…</source>
        <translation>&amp;Edit details…</translation>
    </message>
    <message>
        <source>&amp;Contact toevoegen…</source>
        <translation>Add &amp;contact…</translation>
    </message>
    <message>
        <source>&amp;Overdragen…</source>
        <translation>&amp;Hand over…</translation>
    </message>
    <message>
        <source>Nieuwe &amp;intake</source>
        <translation>New &amp;intake</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>Clo&amp;se</translation>
    </message>
    <message>
        <source>Toestemming</source>
        <translation>Consent</translation>
    </message>
</context>
<context>
    <name>ClientEditDialog</name>
    <message>
        <source>Gegevens wijzigen: %1</source>
        <translation>Edit details: %1</translation>
    </message>
    <message>
        <source>dd/mm/jjjj</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>&amp;Niveau Nederlands</source>
        <translation>Level of &amp;Dutch</translation>
    </message>
    <message>
        <source>Niveau Nederlands</source>
        <translation>Level of Dutch</translation>
    </message>
    <message>
        <source>N&amp;otities</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Op&amp;slaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annu&amp;leren</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>Toestemming</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Gegevens &amp;bewaren</source>
        <translation>&amp;Keep data</translation>
    </message>
    <message>
        <source>Gegevens &amp;delen met de aanbieder</source>
        <translation>Sha&amp;re data with the provider</translation>
    </message>
    <message>
        <source>Later &amp;contact opnemen</source>
        <translation>&amp;Contact later</translation>
    </message>
    <message>
        <source>Toestemming gegeven op (bij een &amp;wijziging)</source>
        <translation>Consent given on (&amp;when it changes)</translation>
    </message>
    <message>
        <source>Datum van de toestemming (dd/mm/jjjj)</source>
        <translation>Date of the consent (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Sluit dit venster en open de cliënt opnieuw om de nieuwe gegevens te zien.</source>
        <translation>Close this window and open the client again to see the new data.</translation>
    </message>
</context>
<context>
    <name>ClientPickerDialog</name>
    <message>
        <source>Cliënt kiezen</source>
        <translation>Choose a client</translation>
    </message>
    <message>
        <source>naam of roepnaam</source>
        <translation>name or alias</translation>
    </message>
    <message>
        <source>Gevonden cliënten</source>
        <translation>Clients found</translation>
    </message>
    <message>
        <source>&amp;Kiezen</source>
        <translation>C&amp;hoose</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Cliënt zoeken op naam of roepnaam</source>
        <translation>Search a client by name or alias</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Cliënten</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>naam of roepnaam</source>
        <translation>name or alias</translation>
    </message>
    <message>
        <source>jjjj</source>
        <translation>yyyy</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Zoeken op naam of roepnaam</source>
        <translation>Search by name or alias</translation>
    </message>
    <message>
        <source>Geboorte&amp;jaar</source>
        <translation>Year of &amp;birth</translation>
    </message>
    <message>
        <source>Geboortejaar</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <source>Ge&amp;meente</source>
        <translation>Municipa&amp;lity</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Laatste activiteit</source>
        <translation>Last activity</translation>
    </message>
    <message>
        <source>Gevonden cliënten</source>
        <translation>Clients found</translation>
    </message>
    <message>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Nieuwe &amp;intake voor deze cliënt</source>
        <translation>New &amp;intake for this client</translation>
    </message>
    <message>
        <source>Samen&amp;voegen met…</source>
        <translation>&amp;Merge with…</translation>
    </message>
    <message>
        <source>Inlezen uit &amp;rekenblad…</source>
        <translation>Import from s&amp;preadsheet…</translation>
    </message>
    <message>
        <source>%1 cliënten</source>
        <translation>%1 clients</translation>
    </message>
    <message>
        <source>De eerste %1 cliënten; typ verder om te verfijnen.</source>
        <translation>The first %1 clients; keep typing to narrow down.</translation>
    </message>
</context>
<context>
    <name>ConflictsBox</name>
    <message>
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Conflicten die op een keuze wachten</source>
        <translation>Conflicts waiting for a choice</translation>
    </message>
    <message>
        <source>Geen conflicten.</source>
        <translation>No conflicts.</translation>
    </message>
    <message>
        <source>Conflict &amp;oplossen</source>
        <translation>Res&amp;olve conflict</translation>
    </message>
    <message>
        <source>Cliënt</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Leerwens</source>
        <translation>Learning wish</translation>
    </message>
    <message>
        <source>Verwijzing</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Status van een verwijzing</source>
        <translation>Status of a referral</translation>
    </message>
    <message>
        <source>Toestemming</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Drempel</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Kwetsbaarheid</source>
        <translation>Vulnerability</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>(leeg)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 (met %2): %3</source>
        <translation>%1 (with %2): %3</translation>
    </message>
    <message>
        <source>Veld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Hier</source>
        <translation>Here</translation>
    </message>
    <message>
        <source>Bij %1</source>
        <translation>At %1</translation>
    </message>
    <message>
        <source>%1: de versie hier houden</source>
        <translation>%1: keep the version here</translation>
    </message>
    <message>
        <source>%1: de versie van %2 nemen</source>
        <translation>%1: take the version of %2</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <source>Toestemming</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Gegevens bewaren</source>
        <translation>Keep data</translation>
    </message>
    <message>
        <source>Toestemming: gegevens bewaren</source>
        <translation>Consent: keep data</translation>
    </message>
    <message>
        <source>Delen met de aanbieder (naam en gegevens in de verwijsbrief)</source>
        <translation>Share with the provider (name and details in the referral letter)</translation>
    </message>
    <message>
        <source>Toestemming: delen met de aanbieder</source>
        <translation>Consent: share with the provider</translation>
    </message>
    <message>
        <source>Contact opnemen voor opvolging</source>
        <translation>Contact for follow-up</translation>
    </message>
    <message>
        <source>Toestemming: contact voor opvolging</source>
        <translation>Consent: contact for follow-up</translation>
    </message>
    <message>
        <source>&amp;Toestemming</source>
        <translation>&amp;Consent</translation>
    </message>
    <message>
        <source>dd/mm/jjjj</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Datum toestemming</source>
        <translation>Date of consent</translation>
    </message>
    <message>
        <source>Datum van de toestemming (dd/mm/jjjj)</source>
        <translation>Date of the consent (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Vastgelegd door</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact toevoegen: %1</source>
        <translation>Add contact: %1</translation>
    </message>
    <message>
        <source>dd/mm/jjjj</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Kort: wat werd besproken of afgesproken</source>
        <translation>Briefly: what was discussed or agreed</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Datum van het contact (dd/mm/jjjj)</source>
        <translation>Date of the contact (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>&amp;Soort</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Soort contact</source>
        <translation>Kind of contact</translation>
    </message>
    <message>
        <source>&amp;Notitie</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Notitie bij het contact</source>
        <translation>Note on the contact</translation>
    </message>
    <message>
        <source>Trajectbegeleider</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Op&amp;slaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annu&amp;leren</source>
        <translation>Cance&amp;l</translation>
    </message>
    <message>
        <source>Datum: “%1” is geen geldige datum (dd/mm/jjjj)</source>
        <translation>Date: “%1” is not a valid date (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>De notitie is te lang (maximaal %1 tekens).</source>
        <translation>The note is too long (at most %1 characters).</translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <source>Dit toestel</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>kantoor</source>
        <translation>office</translation>
    </message>
    <message>
        <source>laptop voor sessies</source>
        <translation>laptop for sessions</translation>
    </message>
    <message>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Naam van dit toestel</source>
        <translation>Name of this device</translation>
    </message>
    <message>
        <source>&amp;Rol:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Rol van dit toestel</source>
        <translation>Role of this device</translation>
    </message>
    <message>
        <source>De andere toestellen zien deze naam bij de bestanden van dit toestel. Een laptop krijgt van het kantoor alleen sessiepakketten; het kantoor krijgt van een laptop alles wat die maakte.</source>
        <translation>The other devices see this name on the files of this device. A laptop gets only session packs from the office; the office gets everything a laptop made.</translation>
    </message>
</context>
<context>
    <name>DuplicatesBox</name>
    <message>
        <source>Bestaat deze cliënt al?</source>
        <translation>Does this client already exist?</translation>
    </message>
    <message>
        <source>Er bestaan al cliënten die op deze persoon lijken. Kijk eerst na of het dezelfde persoon is.</source>
        <translation>There are already clients who resemble this person. Check first whether it is the same person.</translation>
    </message>
    <message>
        <source>Mogelijke dubbele cliënten</source>
        <translation>Possible duplicate clients</translation>
    </message>
    <message>
        <source>Deze cliënt gebruiken</source>
        <translation>Use this client</translation>
    </message>
    <message>
        <source>Toch een nieuwe cliënt maken</source>
        <translation>Create a new client anyway</translation>
    </message>
    <message>
        <source>zelfde naam en geboortedatum</source>
        <translation>same name and date of birth</translation>
    </message>
    <message>
        <source>gelijkaardige naam in dezelfde gemeente</source>
        <translation>similar name in the same municipality</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Leerwinkel Intake</source>
        <translation>Leerwinkel Intake</translation>
    </message>
    <message>
        <source>Technische details &amp;kopiëren</source>
        <translation>&amp;Copy technical details</translation>
    </message>
</context>
<context>
    <name>ExternalReferralDialog</name>
    <message>
        <source>Verwijzen buiten de catalogus</source>
        <translation>Refer outside the catalogue</translation>
    </message>
    <message>
        <source>Voor de leerwens %1: een aanbieder of dienst die niet in de catalogus staat. Wat je hier invult, komt op de verwijsbrief en het afsprakenblad.</source>
        <translation>For the learning wish %1: a provider or service that is not in the catalogue. What you enter here appears on the referral letter and the handout.</translation>
    </message>
    <message>
        <source>bv. de naam van een werkgever of vereniging</source>
        <translation>e.g. the name of an employer or association</translation>
    </message>
    <message>
        <source>bv. opleiding, stage, begeleiding</source>
        <translation>e.g. training, internship, guidance</translation>
    </message>
    <message>
        <source>contactpersoon, adres, telefoon of e-mail</source>
        <translation>contact person, address, phone or e-mail</translation>
    </message>
    <message>
        <source>&amp;Naam aanbieder</source>
        <translation>Provider &amp;name</translation>
    </message>
    <message>
        <source>Naam van de aanbieder</source>
        <translation>Name of the provider</translation>
    </message>
    <message>
        <source>&amp;Wat</source>
        <translation>&amp;What</translation>
    </message>
    <message>
        <source>Wat de aanbieder doet</source>
        <translation>What the provider does</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>C&amp;ontact</translation>
    </message>
    <message>
        <source>Contact van de aanbieder</source>
        <translation>Contact of the provider</translation>
    </message>
    <message>
        <source>&amp;Verwijzen</source>
        <translation>&amp;Refer</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Vul de naam van de aanbieder in.</source>
        <translation>Enter the name of the provider.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Leerwinkel Intake instellen</source>
        <translation>Set up Leerwinkel Intake</translation>
    </message>
    <message>
        <source>&amp;Volgende &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; V&amp;orige</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Klaar</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>&amp;Stoppen</source>
        <translation>&amp;Stop</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>Opvolging</source>
        <extracomment>The client column starts at this width (the user can drag it); the offering and provider take the rest.</extracomment>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Alle open verwijzingen</source>
        <translation>All open referrals</translation>
    </message>
    <message>
        <source>Alle verwijzingen</source>
        <translation>All referrals</translation>
    </message>
    <message>
        <source>Alleen wat &amp;nu opvolging vraagt</source>
        <translation>Only what needs follow-up &amp;now</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>Filter op status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Verwijzingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Gekozen verwijzing</source>
        <translation>Chosen referral</translation>
    </message>
    <message>
        <source>Verwijzing</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>dd/mm/jjjj</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>De dag waarop het gebeurde (vandaag of vroeger), bv. het telefoontje van gisteren</source>
        <translation>The day it happened (today or earlier), e.g. yesterday&apos;s phone call</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Nieuwe status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Datum van de nieuwe status (dd/mm/jjjj)</source>
        <translation>Date of the new status (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Notitie bij s&amp;tatus</source>
        <translation>Note on s&amp;tatus</translation>
    </message>
    <message>
        <source>Notitie bij de status</source>
        <translation>Note on the status</translation>
    </message>
    <message>
        <source>&amp;Opvolgdatum</source>
        <translation>Follo&amp;w-up date</translation>
    </message>
    <message>
        <source>Opvolgdatum (dd/mm/jjjj)</source>
        <translation>Follow-up date (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Verwijzingen: %1</source>
        <translation>Referrals: %1</translation>
    </message>
    <message>
        <source>De eerste %1 van %2 verwijzingen (de oudste opvolgdatum eerst); kies een filter.</source>
        <translation>The first %1 of %2 referrals (earliest follow-up date first); choose a filter.</translation>
    </message>
    <message>
        <source>%1 — %2 (verwezen op %3)</source>
        <translation>%1 — %2 (referred on %3)</translation>
    </message>
    <message>
        <source>Buiten de catalogus: %1</source>
        <translation>Outside the catalogue: %1</translation>
    </message>
    <message>
        <source>Toch verwezen: %1 (paste niet: %2)</source>
        <translation>Referred anyway: %1 (did not fit: %2)</translation>
    </message>
    <message>
        <source>%1: “%2” is geen geldige datum (dd/mm/jjjj)</source>
        <translation>%1: “%2” is not a valid date (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Opvolgdatum</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>Datum van de status</source>
        <translation>Date of the status</translation>
    </message>
    <message>
        <source>Antwoord geregistreerd: %1 — %2</source>
        <translation>Reply recorded: %1 — %2</translation>
    </message>
    <message>
        <source>&amp;Resultaat</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Notitie bij resu&amp;ltaat</source>
        <translation>Note on outco&amp;me</translation>
    </message>
    <message>
        <source>Notitie bij het resultaat</source>
        <translation>Note on the outcome</translation>
    </message>
    <message>
        <source>&amp;Bewaren</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <source>&amp;Cliënt tonen</source>
        <translation>Show &amp;client</translation>
    </message>
    <message>
        <source>Geen verwijzing gekozen.</source>
        <translation>No referral chosen.</translation>
    </message>
    <message>
        <source>Verwijzing bewaard.</source>
        <translation>Referral saved.</translation>
    </message>
</context>
<context>
    <name>GeneralSettings</name>
    <message>
        <source>&amp;Bladeren…</source>
        <translation>Br&amp;owse…</translation>
    </message>
    <message>
        <source>Op&amp;slaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Status van de instellingen</source>
        <translation>Status of the settings</translation>
    </message>
    <message>
        <source>Alleen een beheerder kan de instellingen wijzigen.</source>
        <translation>Only an administrator can change the settings.</translation>
    </message>
    <message>
        <source>De instellingen zijn opgeslagen (%1 gewijzigd).</source>
        <translation>The settings have been saved (%1 changed).</translation>
    </message>
    <message>
        <source>Er was niets gewijzigd.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>Logo kiezen</source>
        <translation>Choose a logo</translation>
    </message>
    <message>
        <source>Afbeeldingen (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Cliënt overdragen: %1</source>
        <translation>Hand over client: %1</translation>
    </message>
    <message>
        <source>niemand</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>Nu gevolgd door: %1</source>
        <translation>Now followed by: %1</translation>
    </message>
    <message>
        <source>&amp;Collega</source>
        <translation>&amp;Colleague</translation>
    </message>
    <message>
        <source>Collega die de cliënt opvolgt</source>
        <translation>Colleague who follows the client</translation>
    </message>
    <message>
        <source>&amp;Overdragen</source>
        <translation>&amp;Hand over</translation>
    </message>
    <message>
        <source>Annu&amp;leren</source>
        <translation>Cance&amp;l</translation>
    </message>
    <message>
        <source>Er is geen andere actieve collega.</source>
        <translation>There is no other active colleague.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Gebruikersgids – Leerwinkel Intake</source>
        <extracomment>The guide&apos;s section (its level-2 heading) for each page of the main window.</extracomment>
        <translation>User guide – Leerwinkel Intake</translation>
    </message>
    <message>
        <source>Gebruikersgids</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Inhoud</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>&amp;Inhoud</source>
        <translation>&amp;Contents</translation>
    </message>
    <message>
        <source>Zoeken in de gids</source>
        <translation>Search the guide</translation>
    </message>
    <message>
        <source>woord of zin, Enter zoekt verder</source>
        <translation>word or phrase, Enter finds the next</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Volgende</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Niet gevonden</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Cliënten inlezen uit een oud rekenblad</source>
        <translation>Import clients from an old spreadsheet</translation>
    </message>
    <message>
        <source>Cliënten inlezen</source>
        <translation>Import clients</translation>
    </message>
    <message>
        <source>CSV- of Excel-bestand (.csv, .txt, .xlsx)</source>
        <translation>CSV or Excel file (.csv, .txt, .xlsx)</translation>
    </message>
    <message>
        <source>&amp;Kiezen…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Nakijken</source>
        <translation>Chec&amp;k</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Bestand om in te lezen</source>
        <translation>File to import</translation>
    </message>
    <message>
        <source>Samenvatting van het bestand</source>
        <translation>Summary of the file</translation>
    </message>
    <message>
        <source>Eerste rijen met de herkende kolommen</source>
        <translation>First rows with the recognised columns</translation>
    </message>
    <message>
        <source>Rij</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Lijkt op</source>
        <translation>Resembles</translation>
    </message>
    <message>
        <source>Keuze</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Rijen die op een bekende cliënt lijken</source>
        <translation>Rows that resemble a known client</translation>
    </message>
    <message>
        <source>Problemen en opmerkingen</source>
        <translation>Problems and remarks</translation>
    </message>
    <message>
        <source>&amp;Inlezen</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Sl&amp;uiten</source>
        <translation>Cl&amp;ose</translation>
    </message>
    <message>
        <source>in de notities bewaren</source>
        <translation>keep in the notes</translation>
    </message>
    <message>
        <source>negeren</source>
        <translation>ignore</translation>
    </message>
    <message>
        <source>Onbekende &amp;kolommen</source>
        <translation>Unknown &amp;columns</translation>
    </message>
    <message>
        <source>Onbekende kolommen</source>
        <translation>Unknown columns</translation>
    </message>
    <message>
        <source>Toestemming: &amp;bewaren</source>
        <translation>Consent: &amp;keep</translation>
    </message>
    <message>
        <source>&amp;delen met aanbieder</source>
        <translation>&amp;share with provider</translation>
    </message>
    <message>
        <source>&amp;contact later</source>
        <translation>c&amp;ontact later</translation>
    </message>
    <message>
        <source>dd/mm/jjjj</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>&amp;op</source>
        <translation>&amp;on</translation>
    </message>
    <message>
        <source>Datum van de toestemming</source>
        <translation>Date of the consent</translation>
    </message>
    <message>
        <source>&amp;Dubbels</source>
        <translation>&amp;Duplicates</translation>
    </message>
    <message>
        <source>Wat met dubbele rijen</source>
        <translation>What to do with duplicate rows</translation>
    </message>
    <message>
        <source>overslaan</source>
        <translation>skip</translation>
    </message>
    <message>
        <source>samenvoegen</source>
        <translation>merge</translation>
    </message>
    <message>
        <source>toch inlezen</source>
        <translation>import anyway</translation>
    </message>
    <message>
        <source>Bezig met nakijken…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Dit bestand kan niet ingelezen worden.</source>
        <translation>This file cannot be imported.</translation>
    </message>
    <message>
        <source>gelezen als %1, scheidingsteken %2</source>
        <translation>read as %1, separator %2</translation>
    </message>
    <message>
        <source>gelezen als Excel-bestand</source>
        <translation>read as an Excel file</translation>
    </message>
    <message>
        <source>%1: %2; %3 rijen, %4 mogelijke dubbels.</source>
        <translation>%1: %2; %3 rows, %4 possible duplicates.</translation>
    </message>
    <message>
        <source>Het bestand wordt niet ingelezen zolang deze problemen er zijn:</source>
        <translation>The file is not imported as long as there are these problems:</translation>
    </message>
    <message>
        <source>Niet herkende kolommen: %1</source>
        <translation>Columns not recognised: %1</translation>
    </message>
    <message>
        <source>Opmerkingen (die rijen worden wel ingelezen):</source>
        <translation>Remarks (these rows are imported all the same):</translation>
    </message>
    <message>
        <source>Geen problemen gevonden.</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>rij %1 van dit bestand</source>
        <translation>row %1 of this file</translation>
    </message>
    <message>
        <source>Keuze voor rij %1</source>
        <translation>Choice for row %1</translation>
    </message>
    <message>
        <source>Cliënten inlezen…</source>
        <translation>Importing clients…</translation>
    </message>
    <message>
        <source>%1 cliënten ingelezen, %2 samengevoegd, %3 overgeslagen.</source>
        <translation>%1 clients imported, %2 merged, %3 skipped.</translation>
    </message>
</context>
<context>
    <name>IntakeDraft</name>
    <message>
        <source>Concept niet bewaard: %1</source>
        <translation>Draft not saved: %1</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Nieuwe intake</source>
        <translation>New intake</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Nieuw formulier</source>
        <translation>New form</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>(geen account aangemeld)</source>
        <translation>(no account signed in)</translation>
    </message>
    <message>
        <source>Intake voor %1</source>
        <translation>Intake for %1</translation>
    </message>
</context>
<context>
    <name>IntakePages</name>
    <message>
        <source>Kies eerst een verwijzing op Vandaag of Opvolging, of open een cliënt.</source>
        <translation>First choose a referral on Today or Follow-up, or open a client.</translation>
    </message>
</context>
<context>
    <name>IntakeWriter</name>
    <message>
        <source>Kijk eerst na of deze cliënt al bestaat.</source>
        <translation>First check whether this client already exists.</translation>
    </message>
    <message>
        <source>Intake opgeslagen voor %1.</source>
        <translation>Intake saved for %1.</translation>
    </message>
    <message>
        <source>Kies eerst een categorie voor de leerwens.</source>
        <translation>First choose a category for the learning wish.</translation>
    </message>
    <message>
        <source>Verwijzing naar %1 aangemaakt; opvolging op %2.</source>
        <translation>Referral to %1 created; follow-up on %2.</translation>
    </message>
    <message>
        <source>Cliënt opnieuw geladen; wat je typte, staat er nog. Sla op om te bewaren.</source>
        <translation>Client reloaded; what you typed is still there. Save to keep it.</translation>
    </message>
</context>
<context>
    <name>LanguageSettings</name>
    <message>
        <source>Taal van het systeem (%1)</source>
        <extracomment>The application property that asks ui.application.run to start the window again once it has closed.</extracomment>
        <translation>System language (%1)</translation>
    </message>
    <message>
        <source>Taal van het venster</source>
        <translation>Language of the window</translation>
    </message>
    <message>
        <source>T&amp;aal van het venster</source>
        <translation>Language of the &amp;window</translation>
    </message>
    <message>
        <source>Status van de taal</source>
        <translation>Status of the language</translation>
    </message>
    <message>
        <source>LEERWINKEL_LANGUAGE=%1 is ingesteld: die taal gaat voor op deze keuze.</source>
        <translation>LEERWINKEL_LANGUAGE=%1 is set: that language takes precedence over this choice.</translation>
    </message>
    <message>
        <source>De taal is bewaard.</source>
        <translation>The language has been saved.</translation>
    </message>
    <message>
        <source>De nieuwe taal geldt vanaf de volgende keer dat je het venster opent.</source>
        <translation>The new language applies from the next time you open the window.</translation>
    </message>
    <message>
        <source>De nieuwe taal geldt vanaf de volgende start van het venster. Nu opnieuw starten? Je meldt je daarna opnieuw aan.</source>
        <translation>The new language applies from the next start of the window. Restart now? You will sign in again afterwards.</translation>
    </message>
</context>
<context>
    <name>LetterButtons</name>
    <message>
        <source>Brief over verwij&amp;zing</source>
        <translation>Letter about the refe&amp;rral</translation>
    </message>
    <message>
        <source>Verwijzing voor de brief</source>
        <translation>Referral for the letter</translation>
    </message>
    <message>
        <source>Verwijsbrief afdr&amp;ukken…</source>
        <translation>Pr&amp;int referral letter…</translation>
    </message>
    <message>
        <source>Ctrl+P: de verwijsbrief voor de aanbieder</source>
        <translation>Ctrl+P: the referral letter for the provider</translation>
    </message>
    <message>
        <source>Afsprakenblad afdrukken…</source>
        <translation>Print handout…</translation>
    </message>
    <message>
        <source>Het afsprakenblad voor de cliënt, in de gekozen taal</source>
        <translation>The handout for the client, in the chosen language</translation>
    </message>
    <message>
        <source>Afsprakenblad afdrukken</source>
        <translation>Print handout</translation>
    </message>
    <message>
        <source>Verwijsbrief afdrukken</source>
        <translation>Print referral letter</translation>
    </message>
    <message>
        <source>Taal van &amp;het afsprakenblad</source>
        <translation>Language of t&amp;he handout</translation>
    </message>
    <message>
        <source>Taal van het afsprakenblad</source>
        <translation>Language of the handout</translation>
    </message>
    <message>
        <source>Kies eerst een verwijzing; maak er een met “Verwijzen naar het gekozen aanbod”.</source>
        <translation>First choose a referral; make one with “Refer to the chosen offering”.</translation>
    </message>
    <message>
        <source>De verwijzing staat op “verstuurd”.</source>
        <translation>The referral is set to “sent”.</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>Locatie bewerken</source>
        <translation>Edit location</translation>
    </message>
    <message>
        <source>Nieuwe locatie</source>
        <translation>New location</translation>
    </message>
    <message>
        <source>(niet in een gevangenis)</source>
        <translation>(not in a prison)</translation>
    </message>
    <message>
        <source>&amp;Actief (nog in gebruik)</source>
        <translation>&amp;Active (still in use)</translation>
    </message>
    <message>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Naam van de locatie</source>
        <translation>Name of the location</translation>
    </message>
    <message>
        <source>&amp;Straat en nummer</source>
        <translation>&amp;Street and number</translation>
    </message>
    <message>
        <source>Straat en nummer</source>
        <translation>Street and number</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>&amp;Postcode</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>&amp;Gemeente</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>&amp;Telefoon</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>&amp;Openingsuren</source>
        <translation>&amp;Opening hours</translation>
    </message>
    <message>
        <source>Openingsuren</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>In de ge&amp;vangenis</source>
        <translation>In p&amp;rison</translation>
    </message>
    <message>
        <source>In de gevangenis</source>
        <translation>In prison</translation>
    </message>
    <message>
        <source>B&amp;ronnen (een per regel)</source>
        <translation>So&amp;urces (one per line)</translation>
    </message>
    <message>
        <source>Bronnen</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Problemen</source>
        <translation>Problems</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Vergrendeld</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Leerwinkel Intake is vergrendeld. Typ het wachtwoord van %1 om verder te werken.</source>
        <translation>Leerwinkel Intake is locked. Type the password of %1 to continue.</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Ontgrendelen</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Dat wachtwoord klopt niet.</source>
        <translation>That password is not correct.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Aanmelden bij Leerwinkel Intake</source>
        <extracomment>What the main window needs after sign-in, imported while the password is typed (benchmarks/startup.py).</extracomment>
        <translation>Sign in to Leerwinkel Intake</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Bezig met aanmelden…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Aanmelden</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>&amp;Stoppen</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Leerwinkel Intake</source>
        <translation>Leerwinkel Intake</translation>
    </message>
    <message>
        <source>Meld je aan met je eigen account. De gegevens zijn versleuteld en alleen met je wachtwoord te openen.</source>
        <translation>Sign in with your own account. The data are encrypted and can only be opened with your password.</translation>
    </message>
    <message>
        <source>De databank wordt geopend (na een onderbreking of een update ook gecontroleerd)…</source>
        <translation>Opening the database (after an interruption or an update, checking it too)…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Leerwinkel Intake</source>
        <translation>Leerwinkel Intake</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Deze pagina volgt in een volgende versie.</source>
        <translation>This page comes in a later version.</translation>
    </message>
    <message>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Cliënten</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Nieuwe intake</source>
        <translation>New intake</translation>
    </message>
    <message>
        <source>Catalogus</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Opvolging</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Rapporten</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Uitwisselen</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Aangemelde trajectbegeleider</source>
        <translation>Signed-in counsellor</translation>
    </message>
    <message>
        <source>Gegevens: %1</source>
        <translation>Data: %1</translation>
    </message>
    <message>
        <source>Niet aangemeld</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Aangemeld als %1</source>
        <translation>Signed in as %1</translation>
    </message>
</context>
<context>
    <name>MeetingSection</name>
    <message>
        <source>Gesprek</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Locatie van de intake</source>
        <translation>Location of the intake</translation>
    </message>
    <message>
        <source>Kanaal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Kanaal van de intake</source>
        <translation>Channel of the intake</translation>
    </message>
    <message>
        <source>Doorverwezen door partner</source>
        <translation>Referred by partner</translation>
    </message>
    <message>
        <source>Doorverwijzende partner</source>
        <translation>Referring partner</translation>
    </message>
    <message>
        <source>dd/mm/jjjj</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Datum intake</source>
        <translation>Date of intake</translation>
    </message>
    <message>
        <source>Datum van de intake (dd/mm/jjjj)</source>
        <translation>Date of the intake (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>dd/mm/jjjj uu:mm</source>
        <translation>dd/mm/yyyy hh:mm</translation>
    </message>
    <message>
        <source>Volgende afspraak</source>
        <translation>Next appointment</translation>
    </message>
    <message>
        <source>Volgende afspraak (dd/mm/jjjj uu:mm)</source>
        <translation>Next appointment (dd/mm/yyyy hh:mm)</translation>
    </message>
    <message>
        <source>Verslag</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Verslag van de intake</source>
        <translation>Report of the intake</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Cliënten samenvoegen</source>
        <translation>Merge clients</translation>
    </message>
    <message>
        <source>Twee records van dezelfde persoon samenvoegen</source>
        <translation>Merge two records of the same person</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Andere cliënt zoeken</source>
        <translation>Search another client</translation>
    </message>
    <message>
        <source>Cliënten die op deze persoon lijken</source>
        <translation>Clients who resemble this person</translation>
    </message>
    <message>
        <source>&amp;Vergelijken</source>
        <translation>&amp;Compare</translation>
    </message>
    <message>
        <source>&amp;Samenvoegen</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>Annu&amp;leren</source>
        <translation>Cance&amp;l</translation>
    </message>
    <message>
        <source>%1 blijft bestaan. Kies de andere cliënt: die gaat op in %1, met al zijn intakes, verwijzingen, brieven en contacten.</source>
        <translation>%1 remains. Choose the other client: they are merged into %1, with all their intakes, referrals, letters and contacts.</translation>
    </message>
    <message>
        <source>(leeg)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>intakes</source>
        <translation>intakes</translation>
    </message>
    <message>
        <source>leerwensen</source>
        <translation>learning wishes</translation>
    </message>
    <message>
        <source>toestemmingen</source>
        <translation>consents</translation>
    </message>
    <message>
        <source>verwijzingen</source>
        <translation>referrals</translation>
    </message>
    <message>
        <source>brieven</source>
        <translation>letters</translation>
    </message>
    <message>
        <source>contacten</source>
        <translation>contacts</translation>
    </message>
    <message>
        <source>Naar %1 gaan: %2. Drempels, doelgroepen en notities van beide blijven.</source>
        <translation>Moving to %1: %2. Thresholds, target groups and notes of both are kept.</translation>
    </message>
    <message>
        <source>geen andere gegevens</source>
        <translation>no other data</translation>
    </message>
    <message>
        <source>Samenvoegen…</source>
        <translation>Merging…</translation>
    </message>
</context>
<context>
    <name>OfferingDetail</name>
    <message>
        <source>Details van het aanbod</source>
        <translation>Details of the offering</translation>
    </message>
    <message>
        <source>Stopgezet.</source>
        <translation>Discontinued.</translation>
    </message>
    <message>
        <source>Status onzeker.</source>
        <translation>Status uncertain.</translation>
    </message>
    <message>
        <source>Aanbieder</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>(in de gevangenis)</source>
        <translation>(in prison)</translation>
    </message>
    <message>
        <source>Locaties</source>
        <translation>Locations</translation>
    </message>
    <message>
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Lesmomenten</source>
        <translation>Class times</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>gratis</source>
        <translation>free</translation>
    </message>
    <message>
        <source>gratis of korting voor werkzoekenden</source>
        <translation>free or reduced for jobseekers</translation>
    </message>
    <message>
        <source>gratis of korting voor gedetineerden</source>
        <translation>free or reduced for prisoners</translation>
    </message>
    <message>
        <source>betalend</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>Kostprijs</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Voor</source>
        <translation>For</translation>
    </message>
    <message>
        <source>In de gevangenis</source>
        <translation>In prison</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Vereist niveau Nederlands</source>
        <translation>Required level of Dutch</translation>
    </message>
    <message>
        <source>Vlot lezen en schrijven nodig</source>
        <translation>Fluent reading and writing needed</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Toelating</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>Meebrengen</source>
        <translation>Bring along</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Bronnen verbergen</source>
        <translation>Hide sources</translation>
    </message>
    <message>
        <source>Bronnen (%1)</source>
        <translation>Sources (%1)</translation>
    </message>
    <message>
        <source>Nog nooit nagekeken.</source>
        <translation>Never checked yet.</translation>
    </message>
    <message>
        <source>Laatst nagekeken: %1</source>
        <translation>Last checked: %1</translation>
    </message>
    <message>
        <source>(meer dan 12 maanden geleden)</source>
        <translation>(more than 12 months ago)</translation>
    </message>
</context>
<context>
    <name>OfferingDialog</name>
    <message>
        <source>Aanbod bewerken</source>
        <translation>Edit offering</translation>
    </message>
    <message>
        <source>Nieuw aanbod</source>
        <translation>New offering</translation>
    </message>
    <message>
        <source>&amp;Aanbieder</source>
        <translation>&amp;Provider</translation>
    </message>
    <message>
        <source>Aanbieder</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>&amp;Waar (locaties)</source>
        <translation>&amp;Where (locations)</translation>
    </message>
    <message>
        <source>Locaties van het aanbod</source>
        <translation>Locations of the offering</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>&amp;Categorie</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>&amp;Beschrijving</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Beschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Lesmoment %1</source>
        <translation>Class time %1</translation>
    </message>
    <message>
        <source>Lesmomenten</source>
        <translation>Class times</translation>
    </message>
    <message>
        <source>&amp;Gratis</source>
        <translation>&amp;Free</translation>
    </message>
    <message>
        <source>Gratis</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>Korting &amp;werkzoekenden</source>
        <translation>Reduced for &amp;jobseekers</translation>
    </message>
    <message>
        <source>Korting werkzoekenden</source>
        <translation>Reduced for jobseekers</translation>
    </message>
    <message>
        <source>Korting ge&amp;detineerden</source>
        <translation>Reduced for priso&amp;ners</translation>
    </message>
    <message>
        <source>Korting gedetineerden</source>
        <translation>Reduced for prisoners</translation>
    </message>
    <message>
        <source>&amp;Kostprijs</source>
        <translation>C&amp;ost</translation>
    </message>
    <message>
        <source>Kostprijs</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Aanbod in de gevangeni&amp;s</source>
        <translation>Offered in p&amp;rison</translation>
    </message>
    <message>
        <source>Aanbod in de gevangenis</source>
        <translation>Offered in prison</translation>
    </message>
    <message>
        <source>Vereist &amp;niveau Nederlands</source>
        <translation>Required &amp;level of Dutch</translation>
    </message>
    <message>
        <source>Vereist niveau Nederlands</source>
        <translation>Required level of Dutch</translation>
    </message>
    <message>
        <source>Webs&amp;ite</source>
        <translation>Webs&amp;ite</translation>
    </message>
    <message>
        <source>jjjj-mm-dd</source>
        <translation>yyyy-mm-dd</translation>
    </message>
    <message>
        <source>&amp;Laatst nagekeken</source>
        <translation>Last chec&amp;ked</translation>
    </message>
    <message>
        <source>Laatst nagekeken</source>
        <translation>Last checked</translation>
    </message>
    <message>
        <source>Problemen</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>(gestopt)</source>
        <translation>(closed)</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Je Leerwinkel</source>
        <translation>Your Leerwinkel</translation>
    </message>
    <message>
        <source>Stap 2 van 4: deze gegevens staan op elke brief en elk afsprakenblad</source>
        <translation>Step 2 of 4: these details appear on every letter and every handout</translation>
    </message>
    <message>
        <source>&amp;Bladeren…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Logo kiezen</source>
        <translation>Choose a logo</translation>
    </message>
    <message>
        <source>Afbeeldingen (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Toch verwijzen</source>
        <extracomment>The reason is short: one line, as the status history shows it.</extracomment>
        <translation>Refer anyway</translation>
    </message>
    <message>
        <source>Past niet: %1</source>
        <translation>Does not fit: %1</translation>
    </message>
    <message>
        <source>Waarom het aanbod niet past</source>
        <translation>Why the offering does not fit</translation>
    </message>
    <message>
        <source>Je kunt toch verwijzen. Geef een korte reden: die wordt bewaard in de geschiedenis van de verwijzing en geteld in de rapporten. De aanbieder ziet ze niet.</source>
        <translation>You can refer anyway. Give a short reason: it is kept in the referral&apos;s history and counted in the reports. The provider does not see it.</translation>
    </message>
    <message>
        <source>bv. vrijlating binnen twee weken; start daarna</source>
        <translation>e.g. release within two weeks; starts after that</translation>
    </message>
    <message>
        <source>&amp;Reden</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Reden om toch te verwijzen</source>
        <translation>Reason to refer anyway</translation>
    </message>
    <message>
        <source>&amp;Toch verwijzen</source>
        <translation>Refer &amp;anyway</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Geef een korte reden om toch te verwijzen.</source>
        <translation>Give a short reason to refer anyway.</translation>
    </message>
</context>
<context>
    <name>PageWindow</name>
    <message>
        <source>Navigatie</source>
        <translation>Navigation</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Voorbeeld: %1</source>
        <translation>Preview: %1</translation>
    </message>
    <message>
        <source>Pagina&apos;s van de brief</source>
        <translation>Pages of the letter</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Opslaan als &amp;PDF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>Clo&amp;se</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Pagina %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>De brief is naar de printer gestuurd en bij de verwijzing geregistreerd.</source>
        <translation>The letter has been sent to the printer and recorded with the referral.</translation>
    </message>
    <message>
        <source>Afdrukken gestopt; er is niets naar de printer gegaan.</source>
        <translation>Printing stopped; nothing went to the printer.</translation>
    </message>
    <message>
        <source>Afdrukken is niet gelukt. Controleer de printer en probeer het opnieuw.</source>
        <translation>Printing failed. Check the printer and try again.</translation>
    </message>
    <message>
        <source>Opgeslagen als %1.</source>
        <translation>Saved as %1.</translation>
    </message>
</context>
<context>
    <name>PersonSection</name>
    <message>
        <source>Persoon</source>
        <extracomment>The fields this section shows, in PersonInput&apos;s names.</extracomment>
        <translation>Person</translation>
    </message>
    <message>
        <source>&amp;Niveau Nederlands</source>
        <translation>Level of &amp;Dutch</translation>
    </message>
    <message>
        <source>Niveau Nederlands</source>
        <translation>Level of Dutch</translation>
    </message>
    <message>
        <source>Opleidingsniveau</source>
        <translation>Level of education</translation>
    </message>
    <message>
        <source>Buitenlands diploma</source>
        <translation>Foreign diploma</translation>
    </message>
    <message>
        <source>Diploma erkend</source>
        <translation>Diploma recognised</translation>
    </message>
    <message>
        <source>Buitenlands diploma erkend</source>
        <translation>Foreign diploma recognised</translation>
    </message>
    <message>
        <source>Notities over de cliënt</source>
        <translation>Notes about the client</translation>
    </message>
</context>
<context>
    <name>PlacesDialog</name>
    <message>
        <source>Locaties van %1</source>
        <translation>Locations of %1</translation>
    </message>
    <message>
        <source>&amp;Locaties:</source>
        <translation>&amp;Locations:</translation>
    </message>
    <message>
        <source>Locaties van de aanbieder</source>
        <translation>Locations of the provider</translation>
    </message>
    <message>
        <source>&amp;Nieuwe locatie…</source>
        <translation>&amp;New location…</translation>
    </message>
    <message>
        <source>&amp;Bewerken…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>(gestopt)</source>
        <translation>(closed)</translation>
    </message>
</context>
<context>
    <name>PrisonModeControls</name>
    <message>
        <source>Sessie</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>&amp;Gevangenismodus starten…</source>
        <translation>&amp;Start prison mode…</translation>
    </message>
    <message>
        <source>Gevangenismodus s&amp;toppen</source>
        <translation>S&amp;top prison mode</translation>
    </message>
    <message>
        <source>Gevangenismodus</source>
        <translation>Prison mode</translation>
    </message>
    <message>
        <source>Stoppen</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Gevangenismodus stoppen</source>
        <translation>Stop prison mode</translation>
    </message>
    <message>
        <source>Terug naar de hele catalogus</source>
        <translation>Back to the whole catalogue</translation>
    </message>
    <message>
        <source>Gevangenismodus: %1</source>
        <translation>Prison mode: %1</translation>
    </message>
    <message>
        <source>Gevangenismodus staat aan: alleen het aanbod in %1 wordt getoond.</source>
        <translation>Prison mode is on: only what is offered in %1 is shown.</translation>
    </message>
    <message>
        <source>Gevangenismodus gestopt: de hele catalogus is terug.</source>
        <translation>Prison mode stopped: the whole catalogue is back.</translation>
    </message>
</context>
<context>
    <name>PrisonModeDialog</name>
    <message>
        <source>Gevangenismodus</source>
        <translation>Prison mode</translation>
    </message>
    <message>
        <source>Vandaag werk je in deze gevangenis. De catalogus en de voorstellen tonen dan alleen het aanbod dat daar gegeven wordt, een nieuwe intake staat op deze gevangenis en de afdruk van de sessie bevat de lijst met afspraken en het aanbodblad. Het blijft zo tot je het stopt of tot morgen.</source>
        <translation>Today you work in this prison. The catalogue and the proposals then show only what is offered there, a new intake is set to this prison, and the session print holds the list of appointments and the catalogue sheet. It stays so until you stop it or until tomorrow.</translation>
    </message>
    <message>
        <source>&amp;Gevangenis:</source>
        <translation>&amp;Prison:</translation>
    </message>
    <message>
        <source>Gevangenis van de sessie</source>
        <translation>Prison of the session</translation>
    </message>
    <message>
        <source>&amp;Starten</source>
        <translation>&amp;Start</translation>
    </message>
</context>
<context>
    <name>ProblemReportDialog</name>
    <message>
        <source>Bestand geweigerd</source>
        <translation>File refused</translation>
    </message>
    <message>
        <source>%1 werd niet ingelezen: %2 problemen. Er is niets gewijzigd.</source>
        <translation>%1 was not imported: %2 problems. Nothing was changed.</translation>
    </message>
    <message>
        <source>Foutenrapport</source>
        <translation>Error report</translation>
    </message>
    <message>
        <source>Rapport &amp;opslaan…</source>
        <translation>Save &amp;report…</translation>
    </message>
    <message>
        <source>Foutenrapport opslaan</source>
        <translation>Save the error report</translation>
    </message>
    <message>
        <source>Tekst (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
</context>
<context>
    <name>ProposalsSection</name>
    <message>
        <source>Voorstellen uit de catalogus</source>
        <extracomment>Where a greyed-out proposal keeps its offering id (an excluded offering can be chosen, not referred to). Why a greyed-out proposal does not fit (its plain Dutch reasons), for &quot;Toch verwijzen…&quot;.</extracomment>
        <translation>Suggestions from the catalogue</translation>
    </message>
    <message>
        <source>Voor leerwens</source>
        <translation>For learning wish</translation>
    </message>
    <message>
        <source>Voorstellen voor leerwens</source>
        <translation>Suggestions for learning wish</translation>
    </message>
    <message>
        <source>Passend aanbod met redenen</source>
        <translation>Fitting offerings with reasons</translation>
    </message>
    <message>
        <source>Verwijzen naar het gekozen aan&amp;bod</source>
        <translation>Refer to the chosen offeri&amp;ng</translation>
    </message>
    <message>
        <source>Kies eerst een categorie voor deze leerwens.</source>
        <translation>First choose a category for this learning wish.</translation>
    </message>
    <message>
        <source>Past niet: %1</source>
        <translation>Does not fit: %1</translation>
    </message>
    <message>
        <source>Geen passend aanbod in deze gevangenis voor deze leerwens (gevangenismodus).</source>
        <translation>No fitting offering in this prison for this learning wish (prison mode).</translation>
    </message>
    <message>
        <source>Geen passend aanbod in de catalogus voor deze leerwens.</source>
        <translation>No fitting offering in the catalogue for this learning wish.</translation>
    </message>
    <message>
        <source>Kies eerst een passend aanbod in de lijst.</source>
        <translation>First choose a fitting offering in the list.</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <source>Nieuwe aanbieder</source>
        <translation>New provider</translation>
    </message>
    <message>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>&amp;Soort</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>&amp;Website</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Dit is de herstelsleutel. Druk ze af of schrijf ze op en bewaar ze veilig, apart van deze computer. Ze wordt nooit opnieuw getoond. Met de herstelsleutel stel je een nieuw wachtwoord in als de beheerder het vergeet.</source>
        <translation>This is the recovery key. Print it or write it down and keep it safe, away from this computer. It is never shown again. With the recovery key you set a new password if the administrator forgets it.</translation>
    </message>
    <message>
        <source>&amp;Kopiëren</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Ik heb de sleutel &amp;bewaard</source>
        <translation>I have &amp;kept the key</translation>
    </message>
</context>
<context>
    <name>ReferActions</name>
    <message>
        <source>Toch verwijzen…</source>
        <translation>Refer anyway…</translation>
    </message>
    <message>
        <source>Verwijzen naar een aanbod dat volgens de catalogus niet past (ook: Enter op een grijs aanbod)</source>
        <translation>Refer to an offering that does not fit according to the catalogue (also: Enter on a greyed-out offering)</translation>
    </message>
    <message>
        <source>Verwijzen buiten de catalogus…</source>
        <translation>Refer outside the catalogue…</translation>
    </message>
    <message>
        <source>Een aanbieder of dienst die niet in de catalogus staat</source>
        <translation>A provider or service that is not in the catalogue</translation>
    </message>
    <message>
        <source>Kies eerst een categorie voor de leerwens.</source>
        <translation>First choose a category for the learning wish.</translation>
    </message>
    <message>
        <source>Kies eerst een aanbod dat niet past (grijs) in de lijst.</source>
        <translation>First choose an offering that does not fit (grey) in the list.</translation>
    </message>
</context>
<context>
    <name>ReferralLetterDialog</name>
    <message>
        <source>Verwijsbrief maken</source>
        <translation>Make a referral letter</translation>
    </message>
    <message>
        <source>De cliënt gaf toestemming om gegevens met de aanbieder te delen.</source>
        <translation>The client consented to sharing data with the provider.</translation>
    </message>
    <message>
        <source>De cliënt gaf geen toestemming om gegevens met de aanbieder te delen: de brief vermeldt geen naam of contactgegevens, alleen een referentie.</source>
        <translation>The client did not consent to sharing data with the provider: the letter gives no name or contact details, only a reference.</translation>
    </message>
    <message>
        <source>&amp;Contactgegevens van de cliënt</source>
        <translation>&amp;Contact details of the client</translation>
    </message>
    <message>
        <source>&amp;Drempels</source>
        <translation>&amp;Thresholds</translation>
    </message>
    <message>
        <source>&amp;Kwetsbaarheden</source>
        <translation>&amp;Vulnerabilities</translation>
    </message>
    <message>
        <source>D&amp;etentie</source>
        <translation>D&amp;etention</translation>
    </message>
    <message>
        <source>Achtergrond voor de aanbieder</source>
        <translation>Background for the provider</translation>
    </message>
    <message>
        <source>&amp;Achtergrond voor de aanbieder:</source>
        <translation>&amp;Background for the provider:</translation>
    </message>
    <message>
        <source>Eigen vraag aan de aanbieder</source>
        <translation>Own question to the provider</translation>
    </message>
    <message>
        <source>Leeg laten voor de standaardvraag</source>
        <translation>Leave empty for the standard question</translation>
    </message>
    <message>
        <source>Eigen &amp;vraag aan de aanbieder:</source>
        <translation>Own &amp;question to the provider:</translation>
    </message>
    <message>
        <source>&amp;Voorbeeld…</source>
        <translation>&amp;Preview…</translation>
    </message>
</context>
<context>
    <name>ReferralSection</name>
    <message>
        <source>Verwijzing</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Nog geen verwijzing voor deze cliënt.</source>
        <translation>No referral for this client yet.</translation>
    </message>
    <message>
        <source>Open verwijzingen van de cliënt</source>
        <translation>Open referrals of the client</translation>
    </message>
    <message>
        <source>sinds %1</source>
        <translation>since %1</translation>
    </message>
</context>
<context>
    <name>ReplyBox</name>
    <message>
        <source>Antwoordstrook van de aanbieder</source>
        <translation>Reply slip of the provider</translation>
    </message>
    <message>
        <source>R&amp;eferentie</source>
        <translation>Refe&amp;rence</translation>
    </message>
    <message>
        <source>Referentie op de antwoordstrook</source>
        <translation>Reference on the reply slip</translation>
    </message>
    <message>
        <source>dd/mm/jjjj</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>&amp;Ingeschreven op</source>
        <translation>&amp;Enrolled on</translation>
    </message>
    <message>
        <source>Ingeschreven op</source>
        <translation>Enrolled on</translation>
    </message>
    <message>
        <source>Start o&amp;p</source>
        <translation>St&amp;art on</translation>
    </message>
    <message>
        <source>Start op</source>
        <translation>Start on</translation>
    </message>
    <message>
        <source>Niet toegelaten, omdat</source>
        <translation>Not admitted, because</translation>
    </message>
    <message>
        <source>Niet toegelaten, o&amp;mdat</source>
        <translation>Not admitted, beca&amp;use</translation>
    </message>
    <message>
        <source>Antwoord re&amp;gistreren</source>
        <translation>Record the rep&amp;ly</translation>
    </message>
    <message>
        <source>Antwoord van de aanbieder registreren</source>
        <translation>Record the provider&apos;s reply</translation>
    </message>
    <message>
        <source>%1: “%2” is geen geldige datum (dd/mm/jjjj)</source>
        <translation>%1: “%2” is not a valid date (dd/mm/yyyy)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Kwartaal</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Maand</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Aangepast</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>Alle locaties</source>
        <translation>All locations</translation>
    </message>
    <message>
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Cijfers opnieuw berekenen (F5)</source>
        <translation>Calculate the figures again (F5)</translation>
    </message>
    <message>
        <source>&amp;Periode</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <source>Soort periode</source>
        <translation>Kind of period</translation>
    </message>
    <message>
        <source>&amp;Jaar</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <source>&amp;Deel</source>
        <translation>P&amp;art</translation>
    </message>
    <message>
        <source>Kwartaal of maand</source>
        <translation>Quarter or month</translation>
    </message>
    <message>
        <source>Eerste dag</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Va&amp;n</source>
        <translation>Fro&amp;m</translation>
    </message>
    <message>
        <source>&amp;Tot en met</source>
        <translation>&amp;Up to and including</translation>
    </message>
    <message>
        <source>Laatste dag</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>&amp;Locatie</source>
        <translation>&amp;Location</translation>
    </message>
    <message>
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Cijfers</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Intakes</source>
        <translation>Intakes</translation>
    </message>
    <message>
        <source>Verwijzingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Exporteren als &amp;Excel…</source>
        <translation>Export as &amp;Excel…</translation>
    </message>
    <message>
        <source>Exporteren als &amp;CSV…</source>
        <translation>Export as &amp;CSV…</translation>
    </message>
    <message>
        <source>Houd de muis op een cijfer voor hoe het geteld wordt; F1 toont alle uitleg. “Ingeschreven” telt inschrijvingen in de periode, ook bij verwijzingen van vroeger, en kan dus groter zijn dan “Verwijzingen”.</source>
        <translation>Hold the mouse over a figure to see how it is counted; F1 shows all explanations. “Enrolled” counts enrolments in the period, also for earlier referrals, and can therefore be larger than “Referrals”.</translation>
    </message>
    <message>
        <source>Exporteren als PD&amp;F…</source>
        <translation>Export as PD&amp;F…</translation>
    </message>
    <message>
        <source>Het scherm en de exports zijn anoniem: geen namen, aantallen van 1 tot 4 als “&lt;5”.</source>
        <translation>The screen and the exports are anonymous: no names, counts from 1 to 4 as “&lt;5”.</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Rapporten</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Kwartaal %1</source>
        <translation>Quarter %1</translation>
    </message>
    <message>
        <source>januari</source>
        <translation>January</translation>
    </message>
    <message>
        <source>februari</source>
        <translation>February</translation>
    </message>
    <message>
        <source>maart</source>
        <translation>March</translation>
    </message>
    <message>
        <source>april</source>
        <translation>April</translation>
    </message>
    <message>
        <source>mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>juni</source>
        <translation>June</translation>
    </message>
    <message>
        <source>juli</source>
        <translation>July</translation>
    </message>
    <message>
        <source>augustus</source>
        <translation>August</translation>
    </message>
    <message>
        <source>september</source>
        <translation>September</translation>
    </message>
    <message>
        <source>oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <source>november</source>
        <translation>November</translation>
    </message>
    <message>
        <source>december</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Cijfers worden berekend…</source>
        <translation>Calculating the figures…</translation>
    </message>
    <message>
        <source>Inschrijvingen</source>
        <translation>Enrolments</translation>
    </message>
    <message>
        <source>Rapport wordt gemaakt…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <source>Rapport opgeslagen: %1</source>
        <translation>Report saved: %1</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Bewaartermijn</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source>Stap 4 van 4: hoe lang blijven gegevens van een cliënt bewaard?</source>
        <translation>Step 4 of 4: how long are a client&apos;s data kept?</translation>
    </message>
    <message>
        <source> jaar</source>
        <translation> years</translation>
    </message>
    <message>
        <source>Bewaartermijn in jaren</source>
        <translation>Retention period in years</translation>
    </message>
    <message>
        <source>&amp;Bewaren tot na het laatste contact:</source>
        <translation>&amp;Keep after the last contact for:</translation>
    </message>
    <message>
        <source>Na deze termijn stelt het programma voor om de gegevens van een cliënt te wissen. Kies wat je organisatie met de financiers afsprak; de meeste Leerwinkels bewaren 5 jaar.</source>
        <translation>After this period the program proposes to erase a client&apos;s data. Choose what your organisation agreed with its funders; most Leerwinkels keep data for 5 years.</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <source>Cliënt</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Laatste activiteit</source>
        <translation>Last activity</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Wissen…</source>
        <translation>&amp;Erase…</translation>
    </message>
    <message>
        <source>Cliënten voorbij de bewaartermijn</source>
        <translation>Clients past the retention period</translation>
    </message>
    <message>
        <source>&amp;Jaren zonder activiteit</source>
        <translation>&amp;Years without activity</translation>
    </message>
    <message>
        <source>Jaren zonder activiteit</source>
        <translation>Years without activity</translation>
    </message>
    <message>
        <source>Status van de bewaartermijn</source>
        <translation>Status of the retention period</translation>
    </message>
    <message>
        <source>%1 cliënten zonder activiteit sinds %2 jaar.</source>
        <translation>%1 clients without activity for %2 years.</translation>
    </message>
    <message>
        <source>%1 cliënten en al hun gegevens (intakes, verwijzingen, brieven) definitief wissen? Dit kan niet ongedaan gemaakt worden.</source>
        <translation>Permanently erase %1 clients and all their data (intakes, referrals, letters)? This cannot be undone.</translation>
    </message>
    <message>
        <source>Gegevens wissen</source>
        <translation>Erase data</translation>
    </message>
    <message>
        <source>%1 cliënten gewist.</source>
        <translation>%1 clients erased.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Databank beschadigd</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>Er is geen reservekopie.</source>
        <translation>There is no backup.</translation>
    </message>
    <message>
        <source>De laatste goede reservekopie is van %1. Terugzetten? Het beschadigde bestand blijft bewaard.</source>
        <translation>The last good backup is from %1. Restore it? The damaged file is kept.</translation>
    </message>
    <message>
        <source>Reservekopie maken voor het afsluiten…</source>
        <translation>Making a backup before closing…</translation>
    </message>
</context>
<context>
    <name>SessionHandoutsDialog</name>
    <message>
        <source>Afsprakenbladen van een sessie afdrukken</source>
        <translation>Print the handouts of a session</translation>
    </message>
    <message>
        <source>Ook de &amp;verwijsbrieven voor de aanbieders</source>
        <translation>Also the &amp;referral letters for the providers</translation>
    </message>
    <message>
        <source>Ook de cliënten met een &amp;afspraak in deze sessie (lijst en open verwijzingen)</source>
        <translation>Also the clients with an &amp;appointment in this session (list and open referrals)</translation>
    </message>
    <message>
        <source>Het aanbodblad van deze &amp;gevangenis achteraan</source>
        <translation>The catalogue sheet of this &amp;prison at the end</translation>
    </message>
    <message>
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Datum van de sessie</source>
        <translation>Date of the session</translation>
    </message>
    <message>
        <source>&amp;Taal van de afsprakenbladen:</source>
        <translation>Lan&amp;guage of the handouts:</translation>
    </message>
    <message>
        <source>Taal van de afsprakenbladen</source>
        <translation>Language of the handouts</translation>
    </message>
    <message>
        <source>&amp;Maken en bekijken…</source>
        <translation>&amp;Make and view…</translation>
    </message>
    <message>
        <source>Bezig met maken…</source>
        <translation>Making…</translation>
    </message>
    <message>
        <source>Gestopt; er is niets gemaakt of afgedrukt.</source>
        <translation>Stopped; nothing was made or printed.</translation>
    </message>
    <message>
        <source>Afsprakenbladen en brieven maken…</source>
        <translation>Making handouts and letters…</translation>
    </message>
    <message>
        <source>Klaar: de papieren van %1 cliënt(en) staan in één PDF en zijn bij elke verwijzing geregistreerd.</source>
        <translation>Done: the papers of %1 client(s) are in one PDF and have been recorded with each referral.</translation>
    </message>
    <message>
        <source>Niets afgedrukt of opgeslagen (%1 cliënt(en) in de sessie).</source>
        <translation>Nothing printed or saved (%1 client(s) in the session).</translation>
    </message>
    <message>
        <source>&amp;Locatie:</source>
        <translation>&amp;Location:</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Er zijn geen verwijzingen op deze locatie en datum.</source>
        <translation>There are no referrals at this location on this date.</translation>
    </message>
</context>
<context>
    <name>SessionPreviewDialog</name>
    <message>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Voortgang van het afdrukken</source>
        <translation>Progress of the printing</translation>
    </message>
    <message>
        <source>De papieren van de sessie zijn naar de printer gestuurd en bij elke verwijzing geregistreerd.</source>
        <translation>The papers of the session have been sent to the printer and recorded with each referral.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Instellingen en beheer</source>
        <translation>Settings and administration</translation>
    </message>
    <message>
        <source>Alge&amp;meen</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>Acco&amp;unts</source>
        <translation>Acco&amp;unts</translation>
    </message>
    <message>
        <source>Reserve&amp;kopieën</source>
        <translation>&amp;Backups</translation>
    </message>
    <message>
        <source>Bewaarterm&amp;ijn</source>
        <translation>Retention per&amp;iod</translation>
    </message>
    <message>
        <source>Au&amp;ditlogboek</source>
        <translation>Au&amp;dit log</translation>
    </message>
</context>
<context>
    <name>SitesPage</name>
    <message>
        <source>Waar werk je?</source>
        <translation>Where do you work?</translation>
    </message>
    <message>
        <source>Stap 3 van 4: vink de plaatsen aan waar intakes gebeuren</source>
        <translation>Step 3 of 4: tick the places where intakes take place</translation>
    </message>
    <message>
        <source>Plaatsen</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>bv. Zitdag Boom</source>
        <translation>e.g. Sitting day Boom</translation>
    </message>
    <message>
        <source>Soort plaats</source>
        <translation>Kind of place</translation>
    </message>
    <message>
        <source>postcode en gemeente</source>
        <translation>postcode and municipality</translation>
    </message>
    <message>
        <source>Postcode en gemeente van de nieuwe plaats</source>
        <translation>Postcode and municipality of the new place</translation>
    </message>
    <message>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Nieuwe plaats:</source>
        <translation>&amp;New place:</translation>
    </message>
    <message>
        <source>Naam van de nieuwe plaats</source>
        <translation>Name of the new place</translation>
    </message>
    <message>
        <source>&amp;Plaatsen in gebruik:</source>
        <translation>&amp;Places in use:</translation>
    </message>
</context>
<context>
    <name>SituationSection</name>
    <message>
        <source>Situatie</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Doelgroep: %1</source>
        <translation>Target group: %1</translation>
    </message>
    <message>
        <source>&amp;Doelgroepen</source>
        <translation>Tar&amp;get groups</translation>
    </message>
    <message>
        <source>Doelgroepen</source>
        <translation>Target groups</translation>
    </message>
    <message>
        <source>&amp;In detentie</source>
        <translation>In de&amp;tention</translation>
    </message>
    <message>
        <source>Detentie</source>
        <translation>Detention</translation>
    </message>
    <message>
        <source>In detentie</source>
        <translation>In detention</translation>
    </message>
    <message>
        <source>Gevangenis</source>
        <translation>Prison</translation>
    </message>
    <message>
        <source>dd/mm/jjjj</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Verwachte vri&amp;jlating</source>
        <translation>E&amp;xpected release</translation>
    </message>
    <message>
        <source>Verwachte vrijlating (dd/mm/jjjj)</source>
        <translation>Expected release (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Werksituatie</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>Ingeschreven bij VDAB</source>
        <translation>Registered with VDAB</translation>
    </message>
    <message>
        <source>Kwetsbaarheid: %1</source>
        <translation>Vulnerability: %1</translation>
    </message>
    <message>
        <source>&amp;Kwetsbaarheden</source>
        <translation>&amp;Vulnerabilities</translation>
    </message>
    <message>
        <source>Kwetsbaarheden</source>
        <translation>Vulnerabilities</translation>
    </message>
    <message>
        <source>Drempel&amp;s</source>
        <translation>Thresh&amp;olds</translation>
    </message>
    <message>
        <source>Drempels</source>
        <translation>Thresholds</translation>
    </message>
    <message>
        <source>Drempel: %1</source>
        <translation>Threshold: %1</translation>
    </message>
    <message>
        <source>notitie (optioneel)</source>
        <translation>note (optional)</translation>
    </message>
    <message>
        <source>Notitie bij drempel %1</source>
        <translation>Note on threshold %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Inschrijvingsbestand &amp;bewaren…</source>
        <translation>Save the &amp;registration file…</translation>
    </message>
    <message>
        <source>&amp;Toestel inschrijven…</source>
        <translation>Register a &amp;device…</translation>
    </message>
    <message>
        <source>Naam en &amp;rol…</source>
        <translation>Name and ro&amp;le…</translation>
    </message>
    <message>
        <source>De naam en de rol van dit toestel wijzigen (beheerders)</source>
        <translation>Change the name and the role of this device (administrators)</translation>
    </message>
    <message>
        <source>Sessie van deze &amp;laptop halen…</source>
        <translation>&amp;Clear this laptop&apos;s session…</translation>
    </message>
    <message>
        <source>Na de sessie: de cliënten die het kantoor volledig heeft van deze laptop halen</source>
        <translation>After the session: remove from this laptop the clients the office holds completely</translation>
    </message>
    <message>
        <source>&amp;Sessiepakket voor een gevangenis</source>
        <translation>&amp;Session pack for a prison</translation>
    </message>
    <message>
        <source>leeg: het toestel is ingeschreven</source>
        <translation>empty: the device is registered</translation>
    </message>
    <message>
        <source>Bestand &amp;maken…</source>
        <translation>&amp;Make file…</translation>
    </message>
    <message>
        <source>A&amp;fsprakenbladen voor deze sessie…</source>
        <translation>&amp;Handouts for this session…</translation>
    </message>
    <message>
        <source>Alle afsprakenbladen en brieven van deze gevangenis en dag in één afdruk</source>
        <translation>All handouts and letters of this prison and day in one print</translation>
    </message>
    <message>
        <source>Bestand &amp;inlezen…</source>
        <translation>&amp;Import file…</translation>
    </message>
    <message>
        <source>Resultaat van de uitwisseling</source>
        <translation>Result of the exchange</translation>
    </message>
    <message>
        <source>Dit toestel</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>Bestand maken voor een ander toestel</source>
        <translation>Make a file for another device</translation>
    </message>
    <message>
        <source>&amp;Naar</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>Naar welk toestel</source>
        <translation>To which device</translation>
    </message>
    <message>
        <source>&amp;Gevangenis</source>
        <translation>Priso&amp;n</translation>
    </message>
    <message>
        <source>Gevangenis</source>
        <translation>Prison</translation>
    </message>
    <message>
        <source>&amp;Dag</source>
        <translation>Da&amp;y</translation>
    </message>
    <message>
        <source>Dag van de sessie</source>
        <translation>Day of the session</translation>
    </message>
    <message>
        <source>&amp;Wachtzin</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>Wachtzin voor het bestand</source>
        <translation>Passphrase for the file</translation>
    </message>
    <message>
        <source>Bestand inlezen</source>
        <translation>Import a file</translation>
    </message>
    <message>
        <source>W&amp;achtzin</source>
        <translation>P&amp;assphrase</translation>
    </message>
    <message>
        <source>Wachtzin van het bestand</source>
        <translation>Passphrase of the file</translation>
    </message>
    <message>
        <source>Uitwisselen</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Gegevens gaan tussen het kantoor en de laptop voor de gevangenis met een versleuteld bestand op een USB-stick, zonder netwerk. Wie het bestand vindt, kan het niet lezen.</source>
        <translation>Data travel between the office and the prison laptop in an encrypted file on a USB stick, without a network. Whoever finds the file cannot read it.</translation>
    </message>
    <message>
        <source>kantoor</source>
        <translation>office</translation>
    </message>
    <message>
        <source>laptop voor sessies</source>
        <translation>laptop for sessions</translation>
    </message>
    <message>
        <source>%1 (%2)
Vingerafdruk: %3</source>
        <translation>%1 (%2)
Fingerprint: %3</translation>
    </message>
    <message>
        <source>ingeschreven</source>
        <translation>registered</translation>
    </message>
    <message>
        <source>met wachtzin</source>
        <translation>with passphrase</translation>
    </message>
    <message>
        <source>nog niets</source>
        <translation>nothing yet</translation>
    </message>
    <message>
        <source>%1 (%2), laatst ingelezen: %3</source>
        <translation>%1 (%2), last imported: %3</translation>
    </message>
    <message>
        <source>Nog geen andere toestellen.</source>
        <translation>No other devices yet.</translation>
    </message>
    <message>
        <source>Dit toestel heet nu “%1”.</source>
        <translation>This device is now called “%1”.</translation>
    </message>
    <message>
        <source>Er is nog geen kantoor waarmee deze laptop uitwisselde.</source>
        <translation>This laptop has not exchanged with an office yet.</translation>
    </message>
    <message>
        <source>%1 cliënt(en) van deze laptop gehaald; wat nog niet op het kantoor is, bleef staan.</source>
        <translation>%1 client(s) removed from this laptop; what is not at the office yet stayed.</translation>
    </message>
    <message>
        <source>Kies of typ het toestel waarvoor het bestand is.</source>
        <translation>Choose or type the device the file is for.</translation>
    </message>
    <message>
        <source>Uitwisselbestand bewaren</source>
        <translation>Save the exchange file</translation>
    </message>
    <message>
        <source>Uitwisselbestand (*.lwsync)</source>
        <translation>Exchange file (*.lwsync)</translation>
    </message>
    <message>
        <source>Uitwisselbestand maken…</source>
        <translation>Making the exchange file…</translation>
    </message>
    <message>
        <source>Bestand %1 gemaakt voor %2: %3 cliënten, %4 records. Neem het mee op de USB-stick.</source>
        <translation>File %1 made for %2: %3 clients, %4 records. Take it along on the USB stick.</translation>
    </message>
    <message>
        <source>Uitwisselbestand inlezen</source>
        <translation>Import an exchange file</translation>
    </message>
    <message>
        <source>Uitwisselbestand inlezen…</source>
        <translation>Importing the exchange file…</translation>
    </message>
    <message>
        <source>Ingelezen van %1. Nieuw: %2, bijgewerkt: %3, ongewijzigd: %4, conflicten: %5, verwijderd: %6.</source>
        <translation>Imported from %1. New: %2, updated: %3, unchanged: %4, conflicts: %5, removed: %6.</translation>
    </message>
    <message>
        <source>Kies hieronder per veld welke versie blijft.</source>
        <translation>Choose below, field by field, which version stays.</translation>
    </message>
    <message>
        <source>Conflict opgelost; de gekozen versie gaat mee met het volgende bestand.</source>
        <translation>Conflict resolved; the chosen version goes along with the next file.</translation>
    </message>
    <message>
        <source>Inschrijvingsbestand bewaren</source>
        <translation>Save the registration file</translation>
    </message>
    <message>
        <source>Inschrijving (*.json)</source>
        <translation>Registration (*.json)</translation>
    </message>
    <message>
        <source>Inschrijvingsbestand bewaard: %1</source>
        <translation>Registration file saved: %1</translation>
    </message>
    <message>
        <source>Inschrijvingsbestand van een ander toestel</source>
        <translation>Registration file of another device</translation>
    </message>
    <message>
        <source>Ingeschreven: %1</source>
        <translation>Registered: %1</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Afspraken vandaag</source>
        <translation>Appointments today</translation>
    </message>
    <message>
        <source>Afspraken van&amp;daag</source>
        <translation>Appointments to&amp;day</translation>
    </message>
    <message>
        <source>Mijn cliënten</source>
        <translation>My clients</translation>
    </message>
    <message>
        <source>&amp;Mijn cliënten</source>
        <translation>&amp;My clients</translation>
    </message>
    <message>
        <source>Opvolging die vandaag of eerder gepland is</source>
        <translation>Follow-up planned for today or earlier</translation>
    </message>
    <message>
        <source>&amp;Op te volgen (te laat eerst)</source>
        <translation>To f&amp;ollow up (overdue first)</translation>
    </message>
    <message>
        <source>Op te volgen</source>
        <translation>To follow up</translation>
    </message>
    <message>
        <source>Vandaag, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message>
        <source>Geen afspraken.</source>
        <translation>No appointments.</translation>
    </message>
    <message>
        <source>Op te volgen: %1</source>
        <translation>To follow up: %1</translation>
    </message>
    <message>
        <source>De eerste %1 van %2 op te volgen (de oudste eerst); de andere staan in Opvolging.</source>
        <translation>The first %1 of %2 to follow up (oldest first); the others are in Follow-up.</translation>
    </message>
</context>
<context>
    <name>WishRow</name>
    <message>
        <source>— kies een categorie —</source>
        <translation>— choose a category —</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Leerwens %1 verwijderen</source>
        <translation>Remove learning wish %1</translation>
    </message>
    <message>
        <source>&amp;Categorie</source>
        <translation>Categor&amp;y</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Leerwens %1: %2</source>
        <translation>Learning wish %1: %2</translation>
    </message>
    <message>
        <source>categorie</source>
        <translation>category</translation>
    </message>
    <message>
        <source>doel</source>
        <translation>goal</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>omschrijving</source>
        <translation>description</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Goal</translation>
    </message>
</context>
<context>
    <name>WishesSection</name>
    <message>
        <source>Leerwensen</source>
        <translation>Learning wishes</translation>
    </message>
    <message>
        <source>Eerdere leerwensen</source>
        <translation>Earlier learning wishes</translation>
    </message>
    <message>
        <source>Eerdere leerwensen van de cliënt</source>
        <translation>The client&apos;s earlier learning wishes</translation>
    </message>
    <message>
        <source>Leer&amp;wens toevoegen</source>
        <translation>Add learning &amp;wish</translation>
    </message>
    <message>
        <source>Een opgeslagen leerwens blijft in de geschiedenis van de cliënt.</source>
        <translation>A saved learning wish stays in the client&apos;s history.</translation>
    </message>
</context>
<context>
    <name>ui.catalogue.detail</name>
    <message>
        <source>Nagekeken</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Hoe heb je het nagekeken? Het webadres van de pagina (https://…) of “telefonisch”:</source>
        <translation>How did you check it? The web address of the page (https://…) or “telefonisch” (by phone):</translation>
    </message>
</context>
<context>
    <name>ui.catalogue.dialogs</name>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Tele&amp;foon</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>B&amp;ronnen (een per regel)</source>
        <translation>S&amp;ources (one per line)</translation>
    </message>
    <message>
        <source>Bronnen</source>
        <translation>Sources</translation>
    </message>
</context>
<context>
    <name>ui.catalogue.refer</name>
    <message>
        <source>Verwijzing van %1 naar %2 aangemaakt; opvolging op %3.</source>
        <translation>Referral of %1 to %2 created; follow-up on %3.</translation>
    </message>
</context>
<context>
    <name>ui.clients.detail</name>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Leerwens</source>
        <translation>Learning wish</translation>
    </message>
    <message>
        <source>Verwijzing</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Toestemming</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ui.clients.edit</name>
    <message>
        <source>&amp;Voornaam</source>
        <extracomment>The person&apos;s fields this dialog edits: (field, label with mnemonic, accessible name).</extracomment>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>&amp;Roepnaam</source>
        <translation>&amp;Alias</translation>
    </message>
    <message>
        <source>Roepnaam</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>&amp;Familienaam</source>
        <translation>&amp;Last name</translation>
    </message>
    <message>
        <source>Familienaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>&amp;Geboortedatum</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>Geboortedatum (dd/mm/jjjj)</source>
        <translation>Date of birth (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>&amp;Telefoon</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>E-mailadres</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <source>Straat en n&amp;ummer</source>
        <translation>Street and n&amp;umber</translation>
    </message>
    <message>
        <source>Straat en nummer</source>
        <translation>Street and number</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>&amp;Postcode</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Ge&amp;meente</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>T&amp;alen</source>
        <translation>Lan&amp;guages</translation>
    </message>
    <message>
        <source>Talen die de cliënt spreekt</source>
        <translation>Languages the client speaks</translation>
    </message>
</context>
<context>
    <name>ui.clients.importwizard</name>
    <message>
        <source>Oud rekenblad kiezen</source>
        <translation>Choose an old spreadsheet</translation>
    </message>
    <message>
        <source>Rekenbladen (*.csv *.txt *.tsv *.xlsx)</source>
        <translation>Spreadsheets (*.csv *.txt *.tsv *.xlsx)</translation>
    </message>
</context>
<context>
    <name>ui.common.operations</name>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ui.common.tables</name>
    <message>
        <source>Opvolgdatum</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>Cliënt</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Aanbod</source>
        <translation>Offering</translation>
    </message>
    <message>
        <source>Aanbieder</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>ui.common.widgets</name>
    <message>
        <source>Concept terugzetten</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <source>Er is een intake die niet werd opgeslagen (bewaard op %1). Wil je verder werken?</source>
        <translation>There is an intake that was not saved (kept on %1). Do you want to continue with it?</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>De intake is nog niet opgeslagen. Wat wil je doen?</source>
        <translation>The intake has not been saved yet. What do you want to do?</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Niet opslaan</source>
        <translation>&amp;Don&apos;t save</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>ui.help.window</name>
    <message>
        <source>Hulp</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>&amp;Gebruikersgids</source>
        <translation>&amp;User guide</translation>
    </message>
</context>
<context>
    <name>ui.intake.duplicates</name>
    <message>
        <source>Gewijzigd op een andere computer</source>
        <translation>Changed on another computer</translation>
    </message>
    <message>
        <source>Deze cliënt werd intussen op een andere computer gewijzigd: %1. Je intake is nog niet opgeslagen.</source>
        <translation>This client was changed on another computer in the meantime: %1. Your intake has not been saved yet.</translation>
    </message>
    <message>
        <source>Laad de cliënt opnieuw: wat jij hier typte blijft staan, de rest komt van de andere computer. Kijk het na en sla dan op.</source>
        <translation>Reload the client: what you typed here stays, the rest comes from the other computer. Check it and then save.</translation>
    </message>
    <message>
        <source>&amp;Opnieuw laden</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ui.intake.fields</name>
    <message>
        <source>Onbekend</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nee</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ui.intake.person</name>
    <message>
        <source>&amp;Voornaam</source>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>&amp;Roepnaam</source>
        <translation>&amp;Alias</translation>
    </message>
    <message>
        <source>Roepnaam</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>&amp;Familienaam</source>
        <translation>&amp;Last name</translation>
    </message>
    <message>
        <source>Familienaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>&amp;Geboortedatum</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>Geboortedatum (dd/mm/jjjj)</source>
        <translation>Date of birth (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>dd/mm/jjjj</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Straat en nummer</source>
        <translation>Street and number</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>&amp;Postcode</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>4 cijfers</source>
        <translation>4 digits</translation>
    </message>
    <message>
        <source>Ge&amp;meente</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Ta&amp;len</source>
        <translation>Lang&amp;uages</translation>
    </message>
    <message>
        <source>Gesproken talen</source>
        <translation>Languages spoken</translation>
    </message>
    <message>
        <source>bv. Arabisch, Frans</source>
        <translation>e.g. Arabic, French</translation>
    </message>
</context>
<context>
    <name>ui.letters.actions</name>
    <message>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Afsprakenbladen van een &amp;sessie…</source>
        <translation>Handouts of a &amp;session…</translation>
    </message>
    <message>
        <source>&amp;Aanbodblad…</source>
        <translation>&amp;Offerings sheet…</translation>
    </message>
</context>
<context>
    <name>ui.letters.buttons</name>
    <message>
        <source>Verwijsbrief</source>
        <extracomment>What the timeline shows for a registered letter (kind and action codes of the letter service).</extracomment>
        <translation>Referral letter</translation>
    </message>
    <message>
        <source>Afsprakenblad</source>
        <translation>Handout</translation>
    </message>
    <message>
        <source>Aanbodblad</source>
        <translation>Offerings sheet</translation>
    </message>
    <message>
        <source>afgedrukt</source>
        <translation>printed</translation>
    </message>
    <message>
        <source>opgeslagen als PDF</source>
        <translation>saved as PDF</translation>
    </message>
    <message>
        <source>Status van de verwijzing</source>
        <extracomment>A referral in this status has not gone out yet: printing its letter offers to mark it sent.</extracomment>
        <translation>Status of the referral</translation>
    </message>
    <message>
        <source>De verwijsbrief voor “%1” is klaar. Zet je de verwijzing op “verstuurd” (vandaag)?</source>
        <translation>The referral letter for “%1” is ready. Set the referral to “sent” (today)?</translation>
    </message>
</context>
<context>
    <name>ui.letters.preview</name>
    <message>
        <source>Opslaan als PDF</source>
        <translation>Save as PDF</translation>
    </message>
</context>
<context>
    <name>ui.reports.page</name>
    <message>
        <source>Rapport opslaan</source>
        <translation>Save the report</translation>
    </message>
</context>
<context>
    <name>ui.session.firstrun</name>
    <message>
        <source>&amp;Naam van de Leerwinkel:</source>
        <translation>&amp;Name of the Leerwinkel:</translation>
    </message>
    <message>
        <source>&amp;Straat en nummer:</source>
        <translation>&amp;Street and number:</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>&amp;Gemeente:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>&amp;Telefoon:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Logo (PNG of JPEG):</source>
        <translation>&amp;Logo (PNG or JPEG):</translation>
    </message>
</context>
<context>
    <name>ui.session.login</name>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
</context>
<context>
    <name>ui.session.upkeep</name>
    <message>
        <source>Reservekopie van vandaag gemaakt om %1.</source>
        <translation>Today&apos;s backup made at %1.</translation>
    </message>
    <message>
        <source>De reservekopie van vandaag is niet gelukt: %1</source>
        <translation>Today&apos;s backup failed: %1</translation>
    </message>
    <message>
        <source>Controle en reservekopie van vandaag worden gemaakt…</source>
        <translation>Checking the database and making today&apos;s backup…</translation>
    </message>
</context>
<context>
    <name>ui.settings.admin</name>
    <message>
        <source>Begeleider</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Beheerder</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord voor %1:</source>
        <translation>New password for %1:</translation>
    </message>
</context>
<context>
    <name>ui.settings.audit</name>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tijdstip (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Handeling</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>By</translation>
    </message>
</context>
<context>
    <name>ui.settings.page</name>
    <message>
        <source>&amp;Naam van de Leerwinkel</source>
        <extracomment>The label of each setting on the form (with its mnemonic); the core&apos;s description is the tooltip.</extracomment>
        <translation>&amp;Name of the Leerwinkel</translation>
    </message>
    <message>
        <source>St&amp;raat en nummer</source>
        <translation>St&amp;reet and number</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>&amp;Postcode</translation>
    </message>
    <message>
        <source>&amp;Gemeente</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <source>&amp;Telefoon</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Logo (PNG of JPEG)</source>
        <translation>&amp;Logo (PNG or JPEG)</translation>
    </message>
    <message>
        <source>&amp;Opvolging na (weken)</source>
        <translation>&amp;Follow up after (weeks)</translation>
    </message>
    <message>
        <source>&amp;Vergrendelen na (minuten zonder activiteit)</source>
        <translation>Loc&amp;k after (minutes without activity)</translation>
    </message>
    <message>
        <source>Gegevens be&amp;waren (jaar na het laatste contact)</source>
        <translation>Keep data (&amp;years after the last contact)</translation>
    </message>
    <message>
        <source>&amp;Concepten wissen na (dagen)</source>
        <translation>Erase drafts &amp;after (days)</translation>
    </message>
    <message>
        <source>Catalogus nakijken na (maanden)</source>
        <translation>Check the catalogue after (months)</translation>
    </message>
</context>
<context>
    <name>ui.sync.page</name>
    <message>
        <source>Toestel “%1” inschrijven?

Vingerafdruk: %2

Vergelijk ze met wat dat toestel toont (Uitwisselen, bovenaan). Schrijf het alleen in als ze gelijk zijn.</source>
        <translation>Register device “%1”?

Fingerprint: %2

Compare it with what that device shows (Exchange, at the top). Register it only if they are the same.</translation>
    </message>
    <message>
        <source>Toestel inschrijven</source>
        <translation>Register device</translation>
    </message>
    <message>
        <source>De cliënten van de sessie van deze laptop halen? Alleen wie “%1” volledig heeft, verdwijnt van deze laptop; het auditlogboek blijft. Het kantoor stuurt ze opnieuw als een sessie ze nodig heeft.</source>
        <translation>Remove the session&apos;s clients from this laptop? Only those “%1” holds completely leave this laptop; the audit log stays. The office sends them again when a session needs them.</translation>
    </message>
    <message>
        <source>Sessie van deze laptop halen</source>
        <translation>Clear this laptop&apos;s session</translation>
    </message>
</context>
<context>
    <name>ui.today.page</name>
    <message>
        <source>Cliënt</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Open verwijzingen</source>
        <translation>Open referrals</translation>
    </message>
    <message>
        <source>Volgende opvolging</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>Laatste activiteit</source>
        <translation>Last activity</translation>
    </message>
</context>
</TS>
