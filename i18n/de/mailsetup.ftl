# Mail Setup — Deutsch.

## Units and numbers

unit-under-1-ms = unter 1 ms
unit-ms = { $value } ms
unit-seconds = { $value } s

## Window frame and buttons

header-step = · Schritt { $step } von { $steps }
page-account = Ihr Konto
page-lookup = Ihr Anbieter wird gesucht
page-protocol = Wie möchten Sie Ihre E-Mails lesen?
page-testing = Ihre Einstellungen werden geprüft
page-manual = Manuelle Einstellungen
page-done = Fertig
page-done-keychain-failed = Passwort konnte nicht gespeichert werden
page-done-file-failed = Speichern fehlgeschlagen
page-done-saving = Wird gespeichert
nav-next = Weiter
nav-back = Zurück
nav-cancel = Abbrechen
nav-close = Schließen
nav-try-again = Erneut versuchen
nav-set-up-manually = Manuell einrichten
nav-save-account = Konto speichern
nav-test-settings = Einstellungen testen
nav-add-another = Weiteres Konto hinzufügen
language-label = Sprache
role-incoming = Posteingang
role-outgoing = Postausgang

## Page 1: your account

account-intro = Geben Sie die Adresse und das Passwort Ihres E-Mail-Kontos ein. Wir suchen die passenden Server und testen sie, bevor etwas gespeichert wird.
account-name = Ihr Name (optional)
account-name-hint = so, wie andere ihn sehen
account-email = E-Mail-Adresse
account-did-you-mean = Meinten Sie { $suggestion }?
account-use-suggestion = { $suggestion } verwenden
account-password = Passwort
account-show-password = Passwort anzeigen
account-password-problem = { $problem } Korrigieren Sie das Passwort und klicken Sie dann auf Weiter, um erneut zu testen.
account-password-missing = Geben Sie Ihr Passwort ein.
account-not-ready = Geben Sie Adresse und Passwort ein, um fortzufahren.
password-line-break = Das Passwort enthält einen Zeilenumbruch, der nicht an einen Mailserver gesendet werden kann (beim Einfügen rutscht oft einer mit hinein).
password-nul = Das Passwort enthält ein NUL-Zeichen, das nicht an einen Mailserver gesendet werden kann.
note-before-you-start = Bevor Sie beginnen: { $step }
note-app-password-here = Hier erstellen Sie ein App-Passwort:

## Page 2: looking up the provider

lookup-asking = Wir fragen überall nach, wo die Mailserver von { $domain } bekannt sein könnten. Das dauert meist nur wenige Sekunden.
lookup-nothing-found = Für { $domain } wurden keine vollständigen Einstellungen gefunden.
lookup-nothing-found-advice = Prüfen Sie die Adresse auf Tippfehler oder geben Sie die Server selbst ein: Sie stehen auf den Hilfeseiten Ihres Anbieters.
lookup-failed = Die Suche konnte nicht ausgeführt werden.
lookup-waiting = wartet
lookup-found = { $count ->
    [one] 1 Server gefunden
   *[other] { $count } Server gefunden
}
lookup-nothing = nichts
lookup-source-failed = fehlgeschlagen: { $why }
lookup-not-needed = nicht nötig
lookup-starting = Wird gestartet …

## Page 3: IMAP or POP3

protocol-intro = Sagen Sie uns, wie Sie E-Mails lesen, dann schlagen wir den passenden Weg vor:
protocol-one-device = Ich lese diese E-Mails nur auf einem Computer
protocol-offline = Ich brauche meine E-Mails oft ohne Internetverbindung
protocol-imap-title = IMAP – E-Mails bleiben auf dem Server, überall auf demselben Stand
protocol-pop3-title = POP3 – E-Mails werden auf diesen Computer heruntergeladen
protocol-recommended = { $title } (empfohlen)
protocol-not-available = Nicht verfügbar: { $why }
protocol-server = Server: { $endpoint } ({ $security })
protocol-our-suggestion = Unser Vorschlag
protocol-provider-says = Was Ihr Anbieter empfiehlt
protocol-confirm-first = Bestätigen Sie zuerst die aufgeführten Server.
protocol-imap-text = Ihre E-Mails bleiben auf dem Server des Anbieters, und diese App zeigt sie von dort an. Handy, Laptop und Webmail sehen dieselben Nachrichten, Ordner und Gelesen-Markierungen, und was Sie auf einem Gerät löschen, ist überall weg. Für das meiste braucht es eine Verbindung zum Server; neuere E-Mails werden meist auch zum Offline-Lesen aufbewahrt.
protocol-pop3-text = Neue E-Mails werden auf diesen Computer heruntergeladen, und die App kann eine Kopie auf dem Server lassen oder nicht. Alles Heruntergeladene lässt sich ohne Verbindung lesen. Ordner, Gelesen-Markierungen und gesendete E-Mails bleiben aber nur auf diesem Computer: Andere Geräte sehen sie nicht.
protocol-no-imap = Dieser Anbieter bietet kein IMAP an (keine der gefragten Stellen nennt einen IMAP-Server), daher können die E-Mails mit dieser App nicht zwischen Geräten abgeglichen werden.
protocol-no-pop3 = Dieser Anbieter bietet kein POP3 an (keine der gefragten Stellen nennt einen POP3-Server), daher werden E-Mails hier per IMAP gelesen.
protocol-why-pop3-only = POP3 ist der einzige Weg, den dieser Anbieter zum Lesen von E-Mails anbietet.
protocol-why-pop3-one-device-offline = Sie lesen Ihre E-Mails auf einem einzigen Gerät und oft ohne Verbindung: POP3 speichert alles auf diesem Computer, auch offline lesbar. Wählen Sie lieber IMAP, falls später ein Handy dazukommen könnte.
protocol-why-pop3-one-device = Sie lesen Ihre E-Mails auf einem einzigen Gerät: POP3 speichert alles auf diesem Computer, auch offline lesbar. Wählen Sie lieber IMAP, falls später ein Handy dazukommen könnte.
protocol-why-pop3-offline = Sie lesen Ihre E-Mails oft ohne Verbindung: POP3 speichert alles auf diesem Computer, auch offline lesbar. Wählen Sie lieber IMAP, falls später ein Handy dazukommen könnte.
protocol-why-imap-provider = POP3 könnte zu Ihrer Art passen, E-Mails zu lesen, aber Ihr Anbieter wünscht IMAP, deshalb empfehlen wir hier IMAP.
protocol-why-imap = IMAP passt für die meisten: Ihre E-Mails sind auf jedem Gerät gleich, und nichts geht verloren, wenn dieser Computer kaputtgeht.
stance-spectrum = Spectrum bittet E-Mail-Programme, IMAP zu verwenden. Der POP3-Dienst antwortet noch, gilt bei Spectrum aber als veralteter Zugang.

## Who gets the password

consent-heading = Ihr Passwort wird gesendet an
consent-recipient = { $role }: { $host } – { $from }
consent-unvouched = Nichts von Ihrem Anbieter bestätigt diesen Server. Senden Sie Ihr Passwort nur dorthin, wenn Sie das erwartet haben.
consent-send-to = Mein Passwort an { $host } senden
consent-problem = Bestätigen Sie jeden unten markierten Server, bevor Ihr Passwort dorthin gesendet wird.

## Page 4: testing

check-find-server = Server finden
check-connect = Verbinden
check-secure = Sichere Verbindung
check-greeting = Begrüßung des Servers
check-sign-in = Anmelden
check-sign-out = Abmelden
row-waiting = wartet
row-running = läuft
row-done = erledigt
row-failed = fehlgeschlagen
row-not-reached = nicht erreicht
row-skipped = übersprungen
row-stopped = gestoppt
testing-both-work = Beide Server funktionieren. Klicken Sie auf „Konto speichern“, um diese Einstellungen zu behalten.
testing-settings-from = Einstellungen aus: { $sources }
testing-server-heading = { $role } – { $protocol } { $endpoint } ({ $security }, Benutzer { $user })
testing-not-started = Der Test konnte nicht starten.
testing-warning = Warnung: { $text }
testing-server-said = Antwort des Servers:
testing-candidates = Gefundene Server, ohne Ihr Passwort geprüft:
testing-answers = antwortet
testing-no-answer = keine Antwort
testing-details = Details ({ $role })
testing-cause-code = Ursachencode: { $code }
testing-greeting = Begrüßung: { $greeting }
testing-connected-to = Verbunden mit { $address }
testing-certificate-verified = Zertifikat geprüft
testing-certificate-not-verified = Zertifikat NICHT geprüft
testing-certificate-for = Zertifikat für { $names }, ausgestellt von { $issuer }, gültig bis { $until }
testing-transcript = Protokoll (ohne Passwort)
action-fix-password = Passwort korrigieren
action-create-app-password = App-Passwort erstellen
action-enter-app-password = App-Passwort eingeben
action-try-security = { $security } auf Port { $port } versuchen
action-try-another-server = Anderen Server versuchen
action-edit-settings = Einstellungen bearbeiten
action-retry = Wiederholen

## The server's certificate

cert-title = Das Zertifikat des Servers
cert-trust-explained = Wenn das Ihr eigener Server ist (oder sein Betreiber Ihnen den Fingerabdruck des Schlüssels bestätigt hat), können Sie diesem Schlüssel nur für { $host }:{ $port } vertrauen. Name und Gültigkeit werden weiterhin geprüft, und Sie werden gewarnt, falls sich der Schlüssel je ändert.
cert-trust-key = Dem Schlüssel dieses Servers vertrauen
cert-no-names = (keine)
cert-valid-range = { $from } bis { $until }
cert-subject = Inhaber
cert-issued-by = Ausgestellt von
cert-names = Namen
cert-valid = Gültig
cert-sha256 = Zertifikat SHA-256
cert-spki-sha256 = Öffentlicher Schlüssel SHA-256

## Sending a test message to oneself

roundtrip-option = Eine Testnachricht an mich selbst senden
roundtrip-option-help = Sobald beide Server funktionieren, geht eine echte Nachricht von Ihrer Adresse an sich selbst; sie wird gleich nach dem Eintreffen wieder gelöscht.
roundtrip-step-send = Testnachricht senden
roundtrip-step-wait = Im Posteingang darauf warten
roundtrip-step-delete = Wieder löschen
roundtrip-sending = wird gesendet
roundtrip-sent = gesendet
roundtrip-sent-in = gesendet in { $seconds }
roundtrip-queue-id = (Warteschlangen-ID { $queue })
roundtrip-waiting = wartet
roundtrip-arrived-after = nach { $seconds } angekommen
roundtrip-deleted = gelöscht
roundtrip-not-deleted = konnte nicht gelöscht werden
roundtrip-not-arrived-within = nicht innerhalb von { $seconds } angekommen
roundtrip-not-sent = nicht gesendet
roundtrip-not-searched = Posteingang konnte nicht durchsucht werden
roundtrip-summary-arrived = Die Testnachricht ist { $seconds } nach dem Senden im Posteingang angekommen und wurde wieder gelöscht.
roundtrip-summary-arrived-not-deleted = Die Testnachricht ist { $seconds } nach dem Senden im Posteingang angekommen; sie konnte nicht gelöscht werden, bitte löschen Sie sie selbst.
roundtrip-summary-not-arrived = Der Postausgangsserver hat die Testnachricht angenommen, aber nach { $seconds } war sie nicht im Posteingang. Sehen Sie im Spam- oder Junk-Ordner nach und prüfen Sie die Filter- und Weiterleitungsregeln des Kontos; taucht sie später auf, kann sie gelöscht werden.
roundtrip-summary-not-arrived-queue = Der Postausgangsserver hat die Testnachricht angenommen (Warteschlangen-ID { $queue }), aber nach { $seconds } war sie nicht im Posteingang. Sehen Sie im Spam- oder Junk-Ordner nach und prüfen Sie die Filter- und Weiterleitungsregeln des Kontos; taucht sie später auf, kann sie gelöscht werden.
roundtrip-summary-not-sent = Die Testnachricht konnte nicht gesendet werden: { $summary } { $advice }
roundtrip-summary-not-checked = Die Testnachricht wurde gesendet, aber der Posteingang konnte nicht durchsucht werden: { $summary } { $advice }

## Reports for a technician

report-copy = Bericht kopieren
report-copy-hover = Den Testbericht (Markdown, ohne Passwort) für eine Supportanfrage kopieren
report-save = Bericht speichern …
report-save-hover = Den Testbericht (Markdown, ohne Passwort) in eine Datei speichern
report-save-title = Bericht speichern
report-no-dialog = hier konnte kein Dateidialog geöffnet werden (dafür braucht es das Desktop-Portal oder zenity); verwenden Sie stattdessen „Bericht kopieren“.
report-technician-view = Technikeransicht
report-technician-view-hover = Das Gespräch mit dem Server live zeigen (ohne Passwort)
report-live-transcript = Gespräch mit dem Server, live ({ $role }, ohne Passwort)
report-nothing-yet = (noch nichts)
report-copied = Der Bericht ist in der Zwischenablage (ohne Passwort).
report-saved = Bericht gespeichert unter { $path }.
report-not-saved = Der Bericht wurde nicht gespeichert: { $why }

## Page 5: manual settings

manual-intro = Diese Angaben finden Sie auf den Hilfeseiten Ihres Anbieters. Der Benutzername ist meist Ihre vollständige E-Mail-Adresse.
manual-incoming-protocol = Protokoll für den Posteingang:
manual-incoming-server = Posteingangsserver
manual-incoming-port = Port für den Posteingang
manual-incoming-user = Benutzername für den Posteingang
manual-outgoing-server = Postausgangsserver
manual-outgoing-port = Port für den Postausgang
manual-outgoing-user = Benutzername für den Postausgang
manual-security = Sicherheit:
manual-security-none = Keine (unsicher)
manual-accept-plaintext = Mein Passwort unverschlüsselt senden. Mir ist klar, dass jeder im Netz zwischen mir und dem Server (öffentliches WLAN, der Internetanbieter) es und meine E-Mails mitlesen kann.
manual-accept-plaintext-to = Mein Passwort unverschlüsselt an { $hosts } senden. Mir ist klar, dass jeder im Netz zwischen mir und diesem Server (öffentliches WLAN, der Internetanbieter) es und meine E-Mails mitlesen kann.
manual-extra-ca-section = Zertifizierungsstelle (für Firmenserver)
manual-extra-ca-intro = Nur, wenn Ihre IT-Abteilung Ihnen eine Zertifikatsdatei für ihren eigenen Mailserver gegeben hat.
manual-extra-ca-file = Datei der Zertifizierungsstelle (PEM)
manual-accept-extra-ca = Jedem Zertifikat vertrauen, das diese Stelle unterschreibt. Wer ihren Schlüssel besitzt, kann die Verbindungen dieser App zu diesen Servern mitlesen.
manual-http-warning = Über unverschlüsseltes HTTP erhalten: Jeder im Netz könnte die Einstellungen für { $host } verändert haben. Prüfen Sie sie mit Ihrem Anbieter, bevor Sie testen.
manual-needs-attention = Einige Angaben müssen geprüft werden.
manual-problem-host-missing = Geben Sie den Servernamen ein, z. B. imap.example.com.
manual-problem-host-invalid = „{ $host }“ ist kein Servername.
manual-problem-port = Der Port ist eine Zahl von 1 bis 65535.
manual-problem-username = Geben Sie den Benutzernamen ein (meist die vollständige E-Mail-Adresse).
manual-problem-plaintext = Ohne Verschlüsselung geht Ihr Passwort lesbar für jeden auf dem Weg durchs Netz. Setzen Sie das Häkchen, um zu bestätigen, dass Sie das wollen.
manual-problem-extra-ca = Setzen Sie das Häkchen, um zu bestätigen, dass Sie dieser Zertifizierungsstelle vertrauen.

## Page 6: done

done-saving = Wird gespeichert: erst das Passwort im Schlüsselbund, dann die Kontodatei …
done-set-up = { $email } ist eingerichtet.
done-account-file = Kontodatei
done-password-stored-in = Passwort gespeichert in
done-account-id = Konto-ID
done-password-only-in-keychain = Das Passwort liegt nur im Schlüsselbund, nie in der Kontodatei.
done-no-keychain = Das Passwort konnte nicht gespeichert werden: Es ist kein Schlüsselbund verfügbar.
done-nothing-saved = Es wurde nichts gespeichert. mailsetup schreibt Ihr Passwort niemals ersatzweise in eine Datei.
done-what-you-can-do = Was Sie tun können:
done-use-keyutils = Den Schlüsselbund des Linux-Kernels verwenden
done-use-keyutils-hover = Der Schlüsselbund des Linux-Kernels (keyutils) hält Passwörter im Arbeitsspeicher des Kernels, nicht auf der Festplatte.
done-keyutils-note = Der Kernel-Schlüsselbund hält Passwörter im Arbeitsspeicher, nicht auf der Festplatte: Je nach System vergisst er sie beim Abmelden oder Neustart, und E-Mail-Programme fragen dann erneut.
done-file-failed = Die Kontodatei konnte nicht geschrieben werden.
done-file-failed-rolled-back = Das Passwort wurde wieder aus dem Schlüsselbund entfernt, damit nichts halb gespeichert bleibt.

## Why a test failed: one sentence, then what to do (one pair per cause code)

cause-dns-not-found = Diesen Servernamen gibt es nicht.
cause-dns-not-found-advice = Prüfen Sie den Servernamen auf Tippfehler. Der richtige steht auf den Hilfeseiten Ihres Anbieters.
cause-dns-failed = Der Servername konnte nicht nachgeschlagen werden.
cause-dns-failed-advice = Prüfen Sie Ihre Verbindung (WLAN, Kabel oder mobile Daten) und versuchen Sie es erneut. Wenn Webseiten öffnen, haben vielleicht die Namensserver Ihres Netzes oder Anbieters Probleme.
cause-connection-refused = Der Server hat die Verbindung auf diesem Port abgelehnt.
cause-connection-refused-advice = Wahrscheinlich ist der Port falsch oder der Dienst abgeschaltet. Prüfen Sie die Portnummer in den Einstellungen Ihres Anbieters.
cause-network-unreachable = Dieser Computer hat keinen Weg durchs Netz zum Server.
cause-network-unreachable-advice = Prüfen Sie Ihre Verbindung: Ist WLAN oder Kabel verbunden, und öffnen Webseiten? Versuchen Sie es dann erneut. Auch ein VPN oder ein Netz, das nur manchen Datenverkehr hinauslässt, kann die Ursache sein.
cause-connection-timeout = Der Server hat auf den Verbindungsversuch nicht geantwortet.
cause-connection-timeout-advice = Eine Firewall, Ihr Netz oder Ihr Internetanbieter blockiert vielleicht diesen Port. Versuchen Sie es in einem anderen Netz oder prüfen Sie die Portnummer.
cause-connection-closed = Der Server hat mitten im Gespräch aufgelegt.
cause-connection-closed-advice = Versuchen Sie es in ein paar Minuten erneut. Passiert es immer wieder, sperrt der Server vielleicht die Adresse dieses Computers; wenden Sie sich an Ihren Anbieter.
cause-greeting-timeout = Die Verbindung stand, aber der Server hat sich nie gemeldet.
cause-greeting-timeout-advice = Der Server ist vielleicht überlastet, oder etwas im Netz hält die Verbindung auf. Versuchen Sie es später erneut oder prüfen Sie den Port.
cause-wrong-protocol = Auf diesem Port hat etwas geantwortet, aber nicht die Art von Mailserver, die hier erwartet wird.
cause-wrong-protocol-advice = Die Portnummer passt wahrscheinlich nicht zu dieser Art von Server. Prüfen Sie den Port in den Einstellungen Ihres Anbieters.
cause-tls-on-plaintext-port = Dieser Port erwartet einen unverschlüsselten Beginn, die Verbindung sollte aber ab dem ersten Byte verschlüsselt sein.
cause-tls-on-plaintext-port-advice = Stellen Sie die Sicherheit für diesen Port auf STARTTLS oder nehmen Sie den verschlüsselten Port (993 für IMAP, 995 für POP3, 465 zum Senden).
cause-plaintext-on-tls-port = Dieser Port erwartet Verschlüsselung ab dem ersten Byte, die Verbindung sollte aber unverschlüsselt beginnen.
cause-plaintext-on-tls-port-advice = Stellen Sie die Sicherheit für diesen Port auf SSL/TLS.
cause-tls-handshake-failed = Die sichere Verbindung konnte nicht aufgebaut werden.
cause-tls-handshake-failed-advice = Der Server unterstützt vielleicht nur veraltete Verschlüsselung. Versuchen Sie die andere Sicherheitsart oder den anderen Port und informieren Sie Ihren Anbieter.
cause-certificate-expired = Das Sicherheitszertifikat des Servers ist abgelaufen.
cause-certificate-expired-advice = Senden Sie Ihr Passwort nicht an diesen Server, bis das behoben ist. Prüfen Sie Datum und Uhrzeit Ihres Computers; stimmen sie, informieren Sie Ihren Anbieter.
cause-certificate-not-yet-valid = Das Sicherheitszertifikat des Servers ist noch nicht gültig.
cause-certificate-not-yet-valid-advice = Prüfen Sie Datum und Uhrzeit Ihres Computers. Stimmen sie, informieren Sie Ihren Anbieter.
cause-certificate-name-mismatch = Das Sicherheitszertifikat des Servers gehört zu einem anderen Namen.
cause-certificate-name-mismatch-advice = Der Servername ist vielleicht ein Alias. Verwenden Sie den Namen aus dem Zertifikat (siehe Details), wenn Ihr Anbieter ihn bestätigt.
cause-certificate-untrusted = Das Sicherheitszertifikat des Servers ist nicht von einer Stelle unterschrieben, der dieser Computer vertraut.
cause-certificate-untrusted-advice = Das kann bedeuten, dass jemand die Verbindung abfängt. Machen Sie in einem öffentlichen Netz nicht weiter; fragen Sie Ihren Anbieter oder Ihre IT, welches Zertifikat zu erwarten ist. Ist es Ihr eigener Server mit eigenem Zertifikat, vergleichen Sie den Fingerabdruck seines Schlüssels (siehe Details) mit dem Server und vertrauen Sie diesem Schlüssel.
cause-starttls-not-offered = Der Server bietet nicht an, diese Verbindung zu verschlüsseln.
cause-starttls-not-offered-advice = Ihr Passwort wurde nicht gesendet. Nehmen Sie den SSL/TLS-Port oder fragen Sie Ihren Anbieter, wie Sie sich sicher verbinden.
cause-starttls-failed = Der Server hat es abgelehnt, diese Verbindung auf Verschlüsselung umzustellen.
cause-starttls-failed-advice = Versuchen Sie den SSL/TLS-Port. Klappt das auch nicht, wenden Sie sich an Ihren Anbieter.
cause-plaintext-auth-refused = Der Server nimmt keine Passwörter über eine unverschlüsselte Verbindung an.
cause-plaintext-auth-refused-advice = Schalten Sie die Verschlüsselung ein: Wählen Sie bei der Sicherheit SSL/TLS oder STARTTLS.
cause-insecure-connection-refused = Das Passwort wurde nicht gesendet, weil die Verbindung nicht verschlüsselt ist.
cause-insecure-connection-refused-advice = Wählen Sie SSL/TLS oder STARTTLS. Erlauben Sie eine unverschlüsselte Verbindung nur, wenn Sie jedem Netz zwischen sich und dem Server vertrauen.
cause-auth-failed = Der Server hat Benutzername oder Passwort nicht angenommen.
cause-auth-failed-advice = Prüfen Sie das Passwort (und die Feststelltaste) und den Benutzernamen; viele Anbieter wollen die vollständige E-Mail-Adresse als Benutzernamen. Melden Sie sich auf der Website des Anbieters an, um sicherzugehen, dass das Passwort stimmt.
cause-unsendable-credentials = Benutzername oder Passwort enthalten einen Zeilenumbruch oder ein NUL-Zeichen, die nicht an einen Mailserver gesendet werden können. Es wurde nichts gesendet.
cause-unsendable-credentials-advice = Tippen Sie das Passwort (und den Benutzernamen) noch einmal von Hand ein; beim Einfügen kommt oft das Zeilenende mit.
cause-app-password-required = Dieses Konto braucht ein App-Passwort statt Ihres normalen Passworts.
cause-app-password-required-advice = Erstellen Sie in den Sicherheitseinstellungen Ihres Kontos beim Anbieter ein App-Passwort und geben Sie es hier statt Ihres normalen Passworts ein.
cause-oauth-required = Dieser Anbieter nimmt keine Passwörter von E-Mail-Programmen mehr an: Die Anmeldung muss über seine eigene Webseite laufen (OAuth2).
cause-oauth-required-advice = Verwenden Sie ein E-Mail-Programm, das die Web-Anmeldung Ihres Anbieters unterstützt, oder bitten Sie den Administrator, die Anmeldung per Passwort für dieses Konto zu erlauben.
cause-auth-mechanism-unsupported = Der Server bietet kein Anmeldeverfahren an, das diese App nutzen kann.
cause-auth-mechanism-unsupported-advice = Fragen Sie Ihren Anbieter oder Ihre IT, welche Anmeldeverfahren der Server unterstützt.
cause-protocol-disabled = Das Konto gibt es, aber der Zugriff für E-Mail-Programme (IMAP, POP oder Senden) ist dafür abgeschaltet.
cause-protocol-disabled-advice = Schalten Sie IMAP/POP (oder das Senden aus anderen Programmen) in den Webmail-Einstellungen des Anbieters ein oder bitten Sie den Administrator darum. Das Passwort selbst stimmt vielleicht.
cause-web-sign-in-required = Der Anbieter hat diese Anmeldung angehalten, bis Sie sie auf seiner Website bestätigen.
cause-web-sign-in-required-advice = Melden Sie sich im Browser auf der Website des Anbieters an, bestätigen Sie, dass der Versuch von Ihnen kam (achten Sie auf eine Sicherheitswarnung), und versuchen Sie es dann erneut.
cause-too-many-attempts = Der Anbieter sperrt Anmeldungen nach zu vielen Versuchen für eine Weile.
cause-too-many-attempts-advice = Warten Sie, bevor Sie es erneut versuchen, und sorgen Sie dafür, dass kein anderes Gerät es weiter mit einem alten Passwort probiert. Weitere Versuche jetzt können die Sperre verlängern.
cause-too-many-connections = Zu viele Programme oder Geräte sind gleichzeitig mit diesem Konto verbunden.
cause-too-many-connections-advice = Schließen Sie das E-Mail-Programm auf einem anderen Gerät (oder ein anderes E-Mail-Programm auf diesem), warten Sie ein paar Minuten und versuchen Sie es erneut.
cause-password-expired = Das Passwort ist abgelaufen.
cause-password-expired-advice = Melden Sie sich auf der Website des Anbieters an, wählen Sie dort ein neues Passwort und geben Sie es hier ein.
cause-client-blocked = Der Server lehnt Verbindungen von der Adresse Ihres Netzes ab.
cause-client-blocked-advice = Ihre Internetadresse steht vielleicht auf einer Spam-Sperrliste. Versuchen Sie es aus einem anderen Netz oder bitten Sie Ihren Internet- oder E-Mail-Anbieter, die Sperre aufzuheben.
cause-server-unavailable = Der Server ist vorübergehend nicht erreichbar.
cause-server-unavailable-advice = Das dauert meist nicht lange. Warten Sie ein paar Minuten und versuchen Sie es erneut.
cause-protocol-error = Der Server hat so geantwortet, dass diese App es nicht versteht.
cause-protocol-error-advice = Versuchen Sie es erneut. Passiert es immer wieder, schicken Sie die Details an Ihren Anbieter oder Ihre IT.
cause-timeout = Der Server antwortet nicht mehr.
cause-timeout-advice = Prüfen Sie Ihre Verbindung und versuchen Sie es erneut. Der Server ist vielleicht überlastet.
cause-message-not-arrived = Der Postausgangsserver hat die Testnachricht angenommen, aber sie ist nicht rechtzeitig im Posteingang aufgetaucht.
cause-message-not-arrived-advice = Vielleicht ist die Post heute langsam, oder die Nachricht wurde woanders abgelegt: Sehen Sie im Spam- oder Junk-Ordner nach und prüfen Sie die Filter- und Weiterleitungsregeln des Kontos. Kommt sie später an, kann sie gelöscht werden; ihr Betreff sagt, dass es ein Test ist.
cause-account-unavailable-incoming = Laut Server kann das Konto gerade nicht benutzt werden (gesperrt, deaktiviert, in Benutzung oder voll).
cause-account-unavailable-incoming-advice = Melden Sie sich auf der Website Ihres Anbieters an, um zu sehen, was mit dem Konto los ist, oder wenden Sie sich an Ihren Anbieter.
cause-account-unavailable-outgoing = Laut Server darf das Konto gerade keine E-Mails senden.
cause-account-unavailable-outgoing-advice = Melden Sie sich auf der Website Ihres Anbieters an, um das Konto zu prüfen, oder wenden Sie sich an Ihren Anbieter.
cause-certificate-unchecked = Das Sicherheitszertifikat des Servers konnte nicht geprüft werden.
cause-certificate-unchecked-advice = Siehe Details.
cause-tls-intercepted = Eine Sicherheitssoftware oder ein Proxy im Netz fängt die verschlüsselte Verbindung ab: Das Zertifikat stammt von dort, nicht vom Mailserver.
cause-tls-intercepted-advice = Schalten Sie in diesem Produkt das Prüfen verschlüsselter Verbindungen (oder von E-Mails) ab oder tragen Sie den Mailserver als Ausnahme ein und versuchen Sie es erneut. Installieren Sie sein Zertifikat nicht nur dafür, es sei denn, Sie vertrauen dem Produkt.
cause-clock-wrong = Datum und Uhrzeit dieses Computers sind falsch, deshalb wirken gültige Zertifikate abgelaufen oder noch nicht gültig.
cause-clock-wrong-advice = Stellen Sie Datum, Uhrzeit und Zeitzone richtig ein (schalten Sie „Uhrzeit automatisch einstellen“ ein) und versuchen Sie es erneut. Am Server liegt es nicht.
cause-certificate-changed = Der Server hat einen anderen Schlüssel gezeigt als den, dem Sie für ihn vertraut haben.
cause-certificate-changed-advice = Hat der Betreiber des Servers den Schlüssel absichtlich ersetzt, prüfen Sie den neuen Fingerabdruck mit ihm und vertrauen Sie dem neuen Schlüssel. Hat ihn niemand geändert, fängt vielleicht jemand die Verbindung ab: Senden Sie Ihr Passwort nicht.
cause-captive-portal = Dieses Netz möchte, dass Sie sich zuerst im Browser anmelden.
cause-captive-portal-advice = Öffnen Sie eine beliebige Webseite im Browser und schließen Sie die Anmeldeseite des Netzes ab (Hotel-, Zug-, Café- oder Gast-WLAN: Bedingungen annehmen oder Zugangscode eingeben), dann testen Sie erneut. Bis dahin antwortet das Netz anstelle des Mailservers; Ihr Passwort wurde nicht gesendet.
cause-port-blocked = Dieser Port antwortet in diesem Netz nicht, ein anderer Port desselben Servers aber schon.
cause-port-blocked-advice = Verwenden Sie den anderen hier gezeigten Port. Netze in Hotels, Schulen und Büros sperren oft einige Mail-Ports.

## Where settings came from, and why a host may get the password

source-provider = eingebaute Anbieterliste
source-autoconfig = der Autoconfig-Server des Anbieters
source-well-known = die .well-known-Autoconfig-Datei der Domain
source-ispdb = Mozillas ISPDB
source-mx = der Mail-Exchanger der Domain (MX)
source-srv = DNS-Dienst-Einträge (SRV)
source-guess = übliche Servernamen
source-autoconfig-http = Autoconfig über unverschlüsseltes HTTP
via-table = der eingebauten Anbieterliste: { $provider }
via-per = { $via } (Quelle: { $per })
via-mx-table = MX { $mx } → { $domain } → eingebaute Anbieterliste
via-mx-file = MX { $mx } → { $domain } → { $file } { $trail }
via-srv = SRV { $name } → { $target } (Priorität { $priority }, Gewicht { $weight })
via-guess = { $host } existiert im DNS
vouch-own-domain = gehört zu { $domain } selbst
vouch-provider = genannt in der eingebauten Anbieterliste von mailsetup
vouch-ispdb = genannt von Mozillas ISPDB über eine geprüfte Verbindung
vouch-published = veröffentlicht von { $domain } über eine geprüfte Verbindung
vouch-autoconfig-file = die Autoconfig-Datei von { $domain }
vouch-plain-http = bezogen aus { $what } über unverschlüsseltes HTTP, das jeder im Netz verändert haben könnte
vouch-redirected = { $source } hat mailsetup an { $to } weitergeleitet, außerhalb von { $domain }
vouch-srv = gefunden in den DNS-Dienst-Einträgen (SRV) von { $domain }, nicht von { $domain } bestätigt
vouch-mx = gefunden über die MX-Einträge von { $domain }, nicht von { $domain } bestätigt
vouch-found-by = gefunden über { $source }, nicht von { $domain } bestätigt
consent-question = E-Mails für { $domain } laufen über { $host } – { $how }.
source-manual = von Hand eingegeben
consent-entered-by-you = von Ihnen eingegeben

## How signing in works at a provider

login-password = Melden Sie sich mit dem normalen Passwort des E-Mail-Kontos an.
login-password-or-oauth2 = Das normale Passwort des E-Mail-Kontos funktioniert; die Anmeldung über die Seite des Anbieters (OAuth2) ebenfalls.
login-app-password = Das normale Passwort funktioniert hier nicht: Erstellen Sie auf der Website des Anbieters ein App-Passwort und geben Sie stattdessen dieses ein.
login-oauth2-or-app-password = Das normale Passwort funktioniert hier nicht: Melden Sie sich über die Seite des Anbieters an (OAuth2) oder erstellen Sie ein App-Passwort und geben Sie dieses ein.
login-oauth2-only = Dieser Anbieter hat die Anmeldung per Passwort abgeschaltet: Nur die Anmeldung über seine Seite (OAuth2) funktioniert.
login-oauth2-unless-admin-allows = Microsoft hat Passwörter für IMAP, POP und SMTP abgeschaltet: Ihr Passwort funktioniert hier nur, wenn der Administrator Ihrer Organisation es für Ihr Postfach erlaubt hat.

## Notes of the built-in provider table (keys follow assets/providers.json: a test checks the English text)

provider-spectrum-note-1 = Spectrum bevorzugt IMAP; POP3 funktioniert noch, ist dort aber der ältere Weg.
provider-spectrum-note-2 = Port 587 auf mobile.charter.net wird sowohl als von Anfang an verschlüsselt als auch als STARTTLS angegeben; der Live-Test zeigt, was der Server wirklich spricht.
provider-roadrunner-note-1 = Regionale Adressen wie name@nc.rr.com oder name@tampabay.rr.com nutzen dieselben Server (mail.twc.com).
provider-gmail-note-1 = Für ein App-Passwort muss zuerst die Bestätigung in zwei Schritten im Google-Konto eingeschaltet sein.
provider-outlook-note-1 = Microsoft hat die Anmeldung per Passwort für E-Mail-Programme am 16. September 2024 abgeschaltet; nur die Anmeldung per OAuth2 funktioniert.
provider-microsoft365-enable-first = Der Administrator Ihrer Organisation muss die Anmeldung per Passwort für Ihr Postfach erlauben (IMAP, POP und „Authentifiziertes SMTP“ unter E-Mail-Apps verwalten). Fragen Sie Ihre IT-Abteilung, bevor Sie weitermachen.
provider-microsoft365-note-1 = E-Mail-Programme, die sich über Microsofts eigene Seite anmelden (OAuth2), funktionieren ohne Hilfe des Administrators.
provider-icloud-note-1 = iCloud hat kein POP3.
provider-icloud-note-2 = Der Posteingang meldet sich mit dem Teil vor dem @ an, der Postausgang mit der vollständigen Adresse.
provider-att-note-1 = AT&T nennt sein App-Passwort „secure mail key“; das normale Kontopasswort funktioniert in E-Mail-Programmen nicht.
provider-gmx-net-enable-first = Schalten Sie vor der ersten Anmeldung in den Einstellungen von GMX im Browser den Zugriff per POP3/IMAP ein.
provider-gmx-com-enable-first = Schalten Sie vor der ersten Anmeldung in den Einstellungen von GMX im Browser den Zugriff per POP3/IMAP ein.
provider-webde-enable-first = Schalten Sie vor der ersten Anmeldung in den Einstellungen von WEB.DE im Browser den Zugriff per POP3/IMAP ein.

## The command line's text output (JSON output stays English)

cli-no-servers = Für { $email } wurden keine Server zum Testen gefunden.
cli-none-tested-unconfirmed = Für { $email } wurde kein Server getestet: Die gefundenen Server brauchen Ihre Bestätigung.
cli-verified-count = { $total ->
    [one] { $ok } von 1 Server für { $email } geprüft.
   *[other] { $ok } von { $total } Servern für { $email } geprüft.
}
cli-saved = Als Konto „{ $id }“ in { $file } gespeichert; das Passwort liegt in { $keychain }.
cli-saved-oauth = Als Konto „{ $id }“ in { $file } gespeichert; die Anmeldung (ihr Aktualisierungstoken) liegt in { $keychain }.
cli-no-accounts = Keine gespeicherten Konten in { $folder }.
cli-removed = { $id } ({ $email }) entfernt.
cli-entries-left = { $store } wurde nicht geändert: Die Einträge { $incoming } und { $outgoing } sind vielleicht noch da.
cli-oauth-not-revoked-advice = Das Konto wird trotzdem aus mailsetup entfernt, aber der Anbieter erkennt die Anmeldung an, bis sie abläuft. Um sie jetzt zu beenden, melden Sie sich bei { $issuer } an und entfernen Sie den Zugriff von mailsetup in den Sicherheitseinstellungen oder bei den verbundenen Apps.
cli-oauth-no-keychain = der Schlüsselbund ließ sich nicht öffnen, daher konnte das gespeicherte Aktualisierungstoken nicht gelesen und zurückgegeben werden
cli-oauth-not-revoked = Warnung: Die Anmeldung bei { $issuer } konnte nicht beendet werden ({ $code }): { $summary }
cli-oauth-revoked = Die Anmeldung bei { $issuer } wurde beendet: Das gespeicherte Aktualisierungstoken gilt dort nicht mehr.
cli-check-failed = Nicht bestätigt: Die gespeicherte Einrichtung funktioniert so nicht.
cli-check-passed = Bestätigt: Die gespeicherte Einrichtung funktioniert.
cli-server-said = Antwort des Servers: { $reply }
cli-what-to-do = was zu tun ist: { $advice }
cli-discovered = { $count ->
    [one] Einstellungen für { $email } in { $ms } ms gefunden (1 Kandidat).
   *[other] Einstellungen für { $email } in { $ms } ms gefunden ({ $count } Kandidaten).
}
cli-provider = Anbieter: { $name }
cli-unknown = unbekannt
cli-found-by = gefunden über { $sources }
cli-no-server-found = kein Server gefunden

## What is wrong with a typed address

address-empty = Die E-Mail-Adresse ist leer
address-missing-at = „{ $address }“ hat kein @: Eine E-Mail-Adresse sieht aus wie name@example.com
address-empty-local = „{ $address }“ hat nichts vor dem @
address-empty-domain = „{ $address }“ hat nichts nach dem @
address-whitespace = „{ $address }“ enthält ein Leerzeichen oder ein Steuerzeichen
address-several-at = „{ $address }“ hat mehr als ein @
address-invalid-domain = Die Domain „{ $domain }“ ist kein gültiger Internetname ({ $reason })
address-no-dot = Die Domain „{ $domain }“ hat keinen Punkt: Mail-Domains sehen aus wie example.com
address-too-long = Die E-Mail-Adresse ist länger als 254 Zeichen

## A provider's own advice, added to the advice for a cause

provider-access-smtp = das Senden aus E-Mail-Programmen
provider-access-imap-pop = der IMAP/POP-Zugriff
provider-only-app-passwords = { $name } nimmt von E-Mail-Programmen nur App-Passwörter an, nicht das normale Passwort.
provider-create-one-at = Erstellen Sie eines unter { $url }.
provider-also-refuses = { $name } lehnt das Passwort auch ab, solange { $access } abgeschaltet ist: Prüfen Sie das unter { $url }.
provider-settings-help = Hilfe von { $name } zu den Einstellungen: { $url }
provider-create-app-password-at = { $name }: Erstellen Sie das App-Passwort unter { $url }.
provider-help = Hilfe von { $name }: { $url }
provider-switch-on = { $name }: Schalten Sie { $access } unter { $url } ein.
provider-help-on-this = Hilfe von { $name } dazu: { $url }
provider-lockout = { $name } hebt eine solche Sperre von selbst auf, { $when }.
provider-max-connections = { $name } erlaubt etwa { $count } gleichzeitige Verbindungen pro Konto.
provider-status = { $name } meldet bekannte Störungen unter { $url }.
admin-authenticated-smtp = Bitten Sie den Microsoft-365-Administrator Ihrer Organisation, „Authentifiziertes SMTP“ für Ihr Postfach einzuschalten (Microsoft 365 Admin Center → Benutzer → Aktive Benutzer → Ihr Name → E-Mail → E-Mail-Apps verwalten) und zu prüfen, dass SMTP AUTH nicht für die ganze Organisation abgeschaltet ist.
admin-password-sign-in-off = Microsoft 365 hat die Anmeldung per Passwort für E-Mail-Programme abgeschaltet: Fragen Sie den Administrator Ihrer Organisation, ob sie für Ihr Postfach erlaubt werden kann (IMAP, POP und „Authentifiziertes SMTP“ unter E-Mail-Apps verwalten sowie die Sicherheitsstandards), oder verwenden Sie ein E-Mail-Programm, das sich über Microsofts eigene Seite anmeldet.
network-no-encryption = ohne Verschlüsselung
network-port-refused = Port { $port } lehnt Verbindungen ab; Port { $other } desselben Servers funktioniert.
network-port-blocked = Port { $port } ist in diesem Netz gesperrt (keine Antwort); Port { $other } desselben Servers funktioniert.
network-change-port = Stellen Sie den Port auf { $other } mit der Sicherheit { $security } um.
network-other-port-silent = Port { $other } desselben Servers antwortet auch nicht.

## `mailsetup discover`: what was found, and where

trust-trusted = vertrauenswürdig
trust-dns = aus dem DNS
trust-guess = geraten
trust-insecure = unsichere Quelle, Bestätigung nötig
username-full-address = die vollständige E-Mail-Adresse
username-local-part = der Teil vor dem @
username-other = ein besonderer Benutzername
discover-servers-for = Server für { $email } (Domain { $domain })
discover-provider = Anbieter: { $name } (erkannt an { $matched })
discover-oauth2 = OAuth-2.0-Anmeldung: { $issuer } (genannt von { $via }; { $trust })
discover-app-passwords = App-Passwörter werden hier erstellt: { $url }
discover-before-first = Vor der ersten Anmeldung: { $step }
discover-username = Benutzername für { $protocol }: { $form }
discover-note = Hinweis: { $note }
discover-imap = Posteingang, IMAP
discover-pop3 = Posteingang, POP3
discover-smtp = Postausgang, SMTP
discover-user = Benutzer
discover-from = aus { $sources }
discover-needs-confirmation = braucht eine Bestätigung, bevor das Passwort dorthin geht: { $question }
discover-nothing-found = (nichts gefunden)
discover-disagree = Wo sich die Quellen widersprechen
discover-claim-recommended = { $says } (empfohlen), laut { $by }
discover-claim-not-recommended = { $says } (nicht empfohlen), laut { $by }
discover-sources = Quellen
discover-status-found = { $count } gefunden
discover-status-timed-out = Zeit abgelaufen
discover-status-cut-short = beendet (vertrauenswürdige Antwort vollständig)
discover-none = keiner
discover-timing = erster Kandidat nach { $first }, fertig nach { $ms } ms
discover-why-no-such-name = { $place } existiert nicht
discover-why-lookup-failed = die Namensauflösung für { $place } ist fehlgeschlagen
discover-why-timeout = { $place } hat nicht innerhalb von { $seconds } s geantwortet
discover-why-no-answer = keine Antwort innerhalb von { $seconds } s
discover-why-refused = unter { $place } antwortet nichts (Verbindung abgelehnt)
discover-why-connect = keine Verbindung zu { $place } möglich
discover-why-tls = die sichere Verbindung zu { $place } ist fehlgeschlagen
discover-why-http-status = { $place } antwortete mit dem HTTP-Fehler { $status }
discover-why-too-large = die Antwort von { $place } ist zu groß
discover-why-redirects = { $place } leitet zu oft oder im Kreis weiter
discover-why-insecure-redirect = { $place } leitet von HTTPS auf unverschlüsseltes HTTP weiter; dem wird nicht gefolgt
discover-why-failed = die Anfrage an { $place } ist fehlgeschlagen
discover-why-setup = die Suche konnte auf diesem Computer nicht starten
discover-why-bad-file = die Einstellungsdatei unter { $place } ist nicht verwendbar
## On-screen text of the command line (--json and the --report document stay English)
cli-error = Fehler: { $message }
cli-warning = Warnung: { $message }
cli-no-runtime = die asynchrone Laufzeitumgebung konnte nicht starten: { $error }
cli-output-failed = die Ausgabe konnte nicht geschrieben werden: { $error }
cli-force-hint = (mit --force wird das Konto trotzdem aus der Liste entfernt)
cli-check-time-not-recorded = die Prüfung war erfolgreich, aber ihr Zeitpunkt konnte nicht gespeichert werden: { $error }
cli-check-diagnosis = { $summary } ({ $cause }, bei: { $step })
cli-report-not-written = der Bericht konnte nicht nach { $file } geschrieben werden: { $error }
cli-json-not-written = JSON konnte nicht geschrieben werden: { $error }
server-line = { $protocol } { $endpoint } ({ $security }, Benutzer { $user })
accounts-label-incoming = Eingang
accounts-label-outgoing = Ausgang
accounts-label-also-ok = auch gültig
accounts-label-settings = Einstellungen
accounts-label-verified = geprüft
accounts-label-sign-in = Anmeldung
accounts-label-password = Passwort
accounts-label-trusts = vertraut
accounts-label-warning = Warnung
accounts-label-key = Schlüssel
accounts-server-signed-in = { $server }, Anmeldung mit { $mechanism }
accounts-trusts-ca = der Zertifizierungsstelle in { $file }
accounts-plaintext = das Passwort darf unverschlüsselt gesendet werden
accounts-pinned-key = per Fingerabdruck vertraut: { $pin }
source-kind-autoconfig = Autoconfig des Anbieters
source-kind-ispdb = ISP-Datenbank
source-kind-srv = DNS-SRV-Einträge
source-kind-mx = MX-Einträge
source-kind-guess = geratene Servernamen
source-with-detail = { $source } ({ $detail })
report-text-server = { $server } — { $verdict } in { $ms } ms
report-label-cause = Ursache
report-label-advice = Rat
report-label-server = Server
report-label-detail = Detail
report-label-trust = Vertrauen
report-label-by-hand = von Hand
report-label-greeting = Begrüßung
report-label-sign-in = Anmeldung
report-label-mailbox = Postfach
report-tls-not-completed = Handshake nicht abgeschlossen
report-tls-verified = { $version }, { $cipher }, Zertifikat geprüft
report-tls-not-verified = { $version }, { $cipher }, Zertifikat NICHT geprüft
report-sign-in-offered = angeboten: { $mechanisms }
report-sign-in-used = verwendet: { $mechanism }
report-sign-in-why = warum: { $reason }
report-mailbox-messages = { $count ->
    [one] { $count } Nachricht
   *[other] { $count } Nachrichten
}
report-trust-pin = wenn dies Ihr eigener Server ist und der Schlüssel oben seiner ist: --pin-sha256 { $pin }
report-transcript = Mitschnitt:
report-round-trip = Rundlauf — { $verdict }
report-label-message = Nachricht
step-resolve = Server finden
step-connect = verbinden
step-tls = sichere Verbindung
step-greeting = Begrüßung des Servers
step-capabilities = Fähigkeiten
step-starttls = sichere Verbindung (STARTTLS)
step-authenticate = anmelden
step-mailbox = Postfach öffnen
step-logout = abmelden
step-port-check = prüfen, was der Port spricht
step-send-message = Testnachricht senden
step-find-message = Testnachricht finden
step-delete-message = Testnachricht löschen
step-network-check = Netzwerk prüfen

## Testing, continued

testing-not-sent-unconfirmed = Ihr Passwort wurde nicht an { $host } gesendet: Bestätigen Sie zuerst diesen Server.
testing-password-refused = Der Server hat das Passwort nicht angenommen.
testing-nothing-tested = Es konnte kein Server getestet werden.

## Mit dem Anbieter anmelden (OAuth 2.0)

oauth-sign-in-with = Mit { $provider } anmelden
oauth-sign-in-intro = Bei { $provider } können Sie sich auf der Seite des Anbieters in Ihrem Webbrowser anmelden, statt hier Ihr Passwort einzugeben.
oauth-waiting = Warten auf Sie im Browser … Schließen Sie dort die Anmeldung bei { $provider } ab.
oauth-cancel = Anmeldung abbrechen
oauth-signed-in = Bei { $provider } angemeldet.
oauth-cancelled = Die Anmeldung wurde abgebrochen.
oauth-denied = Auf der Seite von { $provider } wurde der Zugriff nicht erlaubt. Beginnen Sie erneut und wählen Sie Zulassen, wenn { $provider } fragt, ob mailsetup Ihre E-Mails verwenden darf.
oauth-wrong-account = Im Browser wurde ein anderes Konto gewählt als die eingegebene Adresse. Melden Sie sich erneut an und wählen Sie das Konto dieser Adresse.
oauth-no-client-id = Für die Anmeldung bei { $provider } ist eine Client-ID nötig: mailsetup muss zuerst bei { $provider } als Desktop-App registriert werden. Registrieren Sie es (die README erklärt das für Google und Microsoft) und geben Sie die ID dann in der Umgebungsvariable MAILSETUP_OAUTH_CLIENT_ID oder in oauth.json im Konfigurationsordner an.
oauth-timeout = Die Anmeldung wurde nicht rechtzeitig abgeschlossen. Beginnen Sie erneut und schließen Sie sie im Browser ab.
oauth-failed = Die Anmeldung bei { $provider } hat nicht geklappt.
oauth-details = Was geschah: { $summary }
oauth-use-code = Stattdessen einen Code auf einem anderen Gerät verwenden
oauth-browser-failed = Hier ließ sich kein Webbrowser öffnen. Melden Sie sich mit einem Code auf einem anderen Gerät an.
oauth-code-asking = { $provider } wird nach einem Code gefragt…
oauth-code-open = Öffnen Sie auf einem anderen Gerät diese Seite:
oauth-code-copy-address = Adresse kopieren
oauth-code-enter = Geben Sie dort diesen Code ein:
oauth-code-name = Einzugebender Code: { $code }
oauth-code-copy = Code kopieren
oauth-code-expires = Der Code gilt noch { $time }.
oauth-code-expired-now = Der Code gilt nicht mehr.
oauth-code-waiting = Warten auf die Bestätigung…
oauth-code-expired = Der Code ist abgelaufen, bevor er eingegeben wurde. Holen Sie einen neuen Code und geben Sie ihn bald nach dem Anzeigen ein.
oauth-code-new = Neuen Code holen
oauth-no-refresh-token = Der Anbieter hat kein Aktualisierungstoken geliefert, daher ließe sich die Anmeldung später nicht erneuern. Es wurde nichts gespeichert.
## Signing in through the provider's page (OAuth 2.0)

oauth-error-no-client-id = die Anmeldung bei { $provider } über dessen Seite braucht eine bei { $provider } registrierte Client-ID, und es ist keine eingerichtet
oauth-error-no-issuer = für { $provider } ist keine OAuth-2.0-Anmeldung bekannt
oauth-error-unconfirmed-issuer = { $via } nennt { $issuer } als Ort der Anmeldung, aber diese Datei kam über eine Verbindung, die nicht dafür bürgen kann; ohne Ihre Bestätigung wird sie nicht verwendet
oauth-error-no-endpoint = { $issuer } bietet { $what } nicht an
oauth-error-insecure = { $url } ist keine HTTPS-Adresse; OAuth 2.0 braucht eine verschlüsselte Verbindung
oauth-error-malformed = { $url }: unerwartete Antwort: { $detail }
oauth-error-denied = die Anmeldung wurde auf der Seite des Anbieters abgelehnt
oauth-error-wrong-state = die Antwort des Browsers gehört nicht zu dieser Anmeldung (ihr state-Wert weicht ab)
oauth-error-device-code-expired = der Code für die Anmeldung ist abgelaufen, bevor sie bestätigt wurde
oauth-error-invalid-grant = der Anbieter akzeptiert die gespeicherte Anmeldung nicht mehr
oauth-error-wrong-account = der Anbieter hat { $got } angemeldet, nicht { $expected }
oauth-error-refused = { $url }: der Anbieter hat abgelehnt: { $code }
oauth-error-timed-out = keine Antwort von der Anmeldung innerhalb von { $after }
oauth-error-browser = der Browser konnte nicht geöffnet werden ({ $command }): { $detail }
oauth-error-listener = auf die Antwort des Browsers an 127.0.0.1 konnte nicht gewartet werden: { $detail }
oauth-error-provider-said = (der Anbieter sagte: { $text })
oauth-error-no-client-id-advice = Ein Programm, das sich über die Seite eines Anbieters anmeldet, muss bei diesem Anbieter registriert sein; dafür bekommt es eine Client-ID. Registrieren Sie mailsetup beim Anbieter als Desktop-App (das README erklärt, wie das bei Google und Microsoft geht), und geben Sie die ID dann in der Umgebungsvariable MAILSETUP_OAUTH_CLIENT_ID oder mit --oauth-client-id an.
oauth-error-no-issuer-advice = mailsetup kennt die Anmeldeseite dieses Anbieters nicht. Verwenden Sie ein Passwort (oder ein App-Passwort), wenn der Anbieter das erlaubt, oder geben Sie die Anmeldeadresse des Anbieters mit --oauth-issuer an.
oauth-error-unconfirmed-issuer-advice = Wenn { $issuer } wirklich die Anmeldung Ihres Anbieters ist, starten Sie erneut mit --oauth-issuer { $issuer } (und den Scopes mit --oauth-scope); sonst fragen Sie Ihren Anbieter, wo die Anmeldung stattfindet.
oauth-error-no-endpoint-advice = Der Anbieter bietet diese Art der Anmeldung nicht an. Versuchen Sie die andere (--browser, oder ohne diese Option den angezeigten Code auf einem anderen Gerät).
oauth-error-insecure-advice = Anmeldeadressen müssen mit https:// beginnen. Prüfen Sie die Anmeldeadresse des Anbieters.
oauth-error-unreachable-advice = Der Anmeldedienst des Anbieters war nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es noch einmal.
oauth-error-refused-advice = Der Anmeldedienst des Anbieters hat abgelehnt oder seltsam geantwortet. Versuchen Sie es noch einmal; passiert es weiter, ist die Registrierung der App beim Anbieter vielleicht falsch (Client-ID, erlaubte Weiterleitung oder Berechtigungen).
oauth-error-denied-advice = Der Zugriff wurde auf der Seite des Anbieters nicht erlaubt. Beginnen Sie neu und wählen Sie Zulassen (oder Akzeptieren), wenn der Anbieter fragt, ob mailsetup Ihre E-Mails verwenden darf.
oauth-error-wrong-state-advice = Die Antwort im Browser stammte von einem anderen Anmeldeversuch oder wurde verändert. Schließen Sie alte Anmelde-Tabs und beginnen Sie neu.
oauth-error-device-code-expired-advice = Der Code wurde nicht rechtzeitig eingegeben. Beginnen Sie neu und geben Sie den neuen Code bald nach dem Anzeigen ein.
oauth-error-invalid-grant-advice = Die gespeicherte Anmeldung ist abgelaufen oder wurde zurückgezogen (ein geändertes Passwort oder die App wurde aus den Sicherheitseinstellungen des Kontos entfernt). Melden Sie sich erneut über die Seite des Anbieters an.
oauth-error-wrong-account-advice = Im Browser wurde ein anderes Konto gewählt als die Adresse, die eingerichtet wird. Melden Sie sich erneut an und wählen Sie das richtige Konto (melden Sie sich bei Bedarf zuerst im Browser vom anderen ab).
oauth-error-timed-out-advice = Die Anmeldung wurde nicht rechtzeitig abgeschlossen. Beginnen Sie neu und schließen Sie sie im Browser ab.
oauth-error-browser-advice = Öffnen Sie die angezeigte Adresse selbst in einem Webbrowser, oder verwenden Sie die Anmeldung mit Code (ohne --browser).
oauth-error-local-advice = Etwas auf diesem Computer hat die Anmeldung verhindert. Versuchen Sie es noch einmal, oder verwenden Sie die Anmeldung mit Code (ohne --browser).
oauth-cli-failed = Die Anmeldung über den Anbieter ist fehlgeschlagen ({ $code }): { $summary }
oauth-cli-opening-browser = Die Anmeldeseite von { $name } wird im Webbrowser geöffnet; schließen Sie die Anmeldung dort ab.
oauth-cli-open-by-hand = Der Browser konnte nicht geöffnet werden. Öffnen Sie diese Adresse selbst:
oauth-cli-no-device-flow = Hinweis: { $name } erlaubt den Zugriff auf E-Mails nicht mit einem Code; wird die Anmeldung abgelehnt, verwenden Sie --browser.
oauth-cli-enter-code = Zum Anmelden öffnen Sie { $url } und geben den Code { $code } ein
oauth-cli-or-open = (oder öffnen Sie { $url }, dort ist der Code schon enthalten)
oauth-cli-waiting = Warten, bis die Anmeldung bestätigt ist …
oauth-cli-no-token-in-env = die Umgebungsvariable { $var } enthält kein Token
oauth-cli-no-secret-in-env = die Umgebungsvariable { $var } enthält kein Client-Geheimnis
oauth-cli-issuer-needs-scopes = --oauth-issuer braucht die anzufragenden Berechtigungen (Scopes): geben Sie --oauth-scope an
oauth-cli-issuer-discovered = Anmeldung bei { $issuer }, genannt von { $via }
oauth-cli-discovered-needs-scopes = die Anmeldung, die die Suche gefunden hat, nennt keine Scopes: geben Sie sie mit --oauth-scope an
oauth-cli-mechanism = „{ $text }“: verwenden Sie oauthbearer oder xoauth2
oauth-cli-renew-not-kept = Warnung: Der Anbieter hat die Anmeldung erneuert, aber der Schlüsselbund konnte sie nicht speichern: { $error }
oauth-cli-no-refresh-token = nicht gespeichert: Der Anbieter hat kein Aktualisierungstoken geliefert, daher könnte die Anmeldung später nicht erneuert werden (fragen Sie nach Offline-Zugriff: dem Scope offline_access)
cause-oauth-scope-missing = Die Anmeldung über die Seite des Anbieters enthält keine Berechtigung für E-Mails.
cause-oauth-scope-missing-advice = Melden Sie sich erneut über die Seite des Anbieters an und erlauben Sie den Zugriff auf E-Mails, wenn danach gefragt wird. Wird diese Berechtigung nicht angeboten, fehlt sie in der Registrierung der App beim Anbieter.
cause-oauth-token-rejected = Der Server hat die Anmeldung über die Seite des Anbieters nicht angenommen (das Zugriffstoken wurde abgelehnt).
cause-oauth-token-rejected-advice = Melden Sie sich erneut über die Seite des Anbieters an. Schlägt es weiter fehl, gehört die Anmeldung vielleicht zu einem anderen Konto als dieser Adresse, oder der Anbieter hat dieser App den Zugriff entzogen: Prüfen Sie die erlaubten Apps in den Sicherheitseinstellungen des Kontos.
cause-oauth-scope-asked = Der Server verlangt die Berechtigung (Scope) „{ $scope }“.
cause-oauth-names-service = Er nennt seinen Anmeldedienst unter { $url }.

## What a screen reader hears beyond the visible text

window-title = E-Mail einrichten
a11y-scroll-page = Seite blättern
a11y-scroll-transcript = Protokoll blättern
a11y-status-line = { $label }: { $status }
a11y-test-line = { $role } — { $item }: { $status }

## Why the keychain could not keep the password (the Done page)

keychain-problem = { $store }: { $reason }.
keychain-no-session-bus = der Secret Service ist nicht erreichbar: Es gibt keinen D-Bus-Sitzungsbus ({ $detail })
keychain-no-session-bus-advice = Starten Sie mailsetup in Ihrer Desktop-Sitzung, oder starten Sie einen Sitzungsbus mit einem Schlüsselbund-Dienst darin (dbus-run-session); oder speichern Sie das Passwort stattdessen im Kernel-Schlüsselbund (keyutils).
keychain-no-secret-service = auf dem Sitzungsbus läuft kein Secret Service ({ $detail })
keychain-no-secret-service-advice = Installieren und starten Sie GNOME Keyring (gnome-keyring-daemon) oder KWallet mit eingeschalteter Secret-Service-Schnittstelle; oder speichern Sie das Passwort stattdessen im Kernel-Schlüsselbund (keyutils).
keychain-locked = der Schlüsselbund ist gesperrt und konnte hier nicht entsperrt werden (die Entsperr-Abfrage konnte nicht erscheinen oder wurde geschlossen)
keychain-locked-advice = Entsperren Sie ihn (am Desktop anmelden oder „Passwörter und Schlüssel“ öffnen) und versuchen Sie es noch einmal.
keychain-no-default-keyring = der Secret Service hat noch keinen Standard-Schlüsselbund und konnte Sie nicht bitten, einen anzulegen (keine Abfrage konnte erscheinen)
keychain-no-default-keyring-advice = Legen Sie einen in „Passwörter und Schlüssel“ (Seahorse) an, oder starten Sie gnome-keyring-daemon mit --unlock, und versuchen Sie es noch einmal.
keychain-access-denied = { $store } hat mailsetup den Zugriff auf seine Passwörter verweigert ({ $detail })
keychain-access-denied-advice = Erlauben Sie mailsetup in den Einstellungen des Schlüsselbunds und versuchen Sie es noch einmal.
keychain-no-session-keyring = der Kernel-Schlüsselbund (keyutils) hat in dieser Anmeldesitzung keinen nutzbaren Sitzungsschlüsselbund
keychain-no-session-keyring-advice = Starten Sie mailsetup aus einer normalen Anmeldesitzung, oder starten Sie eine mit `keyctl session -`.
keychain-not-found = { $store } hat kein Passwort für { $entry }
keychain-not-found-advice = Speichern Sie das Konto erneut, um es abzulegen.
keychain-unsupported = { $store } ist auf diesem System nicht verfügbar
keychain-unsupported-advice = Verwenden Sie { $default }.
keychain-too-long = das Passwort ist zu lang für { $store } ({ $detail })
keychain-too-long-advice = Speichern Sie es in einem anderen Schlüsselbund.
keychain-bad-encoding = das Passwort, das { $store } für { $entry } enthält, ist kein gültiger Text
keychain-bad-encoding-advice = Speichern Sie das Konto erneut.
keychain-failed = { $store } ist fehlgeschlagen: { $detail }
keychain-failed-advice = Versuchen Sie es noch einmal; schlägt es wieder fehl, melden Sie sich vom Desktop ab und wieder an.
keychain-task = die Schlüsselbund-Aufgabe wurde unerwartet beendet: { $detail }
keychain-task-advice = Versuchen Sie es noch einmal.

## Store errors on the command line (`accounts`, `diagnose --save`); `keychain-words` joins a keychain error's reason and advice

keychain-words = { $reason }. { $advice }
store-invalid = das Konto kann nicht gespeichert werden: { $detail }
store-not-found = kein gespeichertes Konto hat die Kennung „{ $id }“ (`mailsetup accounts list` zeigt sie an)
store-wrong-keychain = Konto „{ $id }“ bewahrt sein Passwort in { $saved_in } auf, nicht in { $given }: verwenden Sie --keychain { $word }
store-rollback-failed = { $cause }. Auch das Zurücksetzen des Schlüsselbunds ist fehlgeschlagen ({ $undo }): entfernen Sie den Eintrag { $entry } von Hand in der Schlüsselbundverwaltung
store-no-config-dir = für diesen Benutzer wurde kein Konfigurationsordner gefunden (kein Benutzerordner?): geben Sie --config-dir ORDNER an oder setzen Sie { $env }
store-task = die Speicheraufgabe wurde unerwartet beendet: { $detail }
store-cancelled = das Speichern wurde abgebrochen; es wurde nichts gespeichert

## Network checks (IPv4 / IPv6) and lockouts of the provider table

network-attempt-connected = funktioniert
network-attempt-refused = lehnt die Verbindung ab
network-attempt-no-route = hat keinen Weg von diesem Computer aus
network-attempt-unreachable = ist nicht erreichbar
network-attempt-no-answer = antwortet nicht
network-attempt-failed = schlägt fehl
network-family-result = { $family } { $result }
network-family-summary = { $summary } ({ $results }.)
network-family-warning = { $broken } zu diesem Server { $result } ({ $address }); { $works } funktioniert. Programme, die zuerst { $broken } versuchen, verbinden sich vielleicht langsam oder gar nicht: Sagen Sie es dem Administrator des Netzwerks oder dem E-Mail-Anbieter.
provider-gmail-lockout = meist innerhalb einer Stunde und spätestens nach 24 Stunden

## Where discovery sources disagree

discover-disagree-username = Die Quellen nennen verschiedene Benutzernamen für { $server }; der aus der vertrauenswürdigsten Quelle wird versucht.
discover-disagree-security = Die Quellen sind uneins, ob { $protocol } auf { $host }:{ $port } gleich mit TLS beginnt oder mit STARTTLS umschaltet; beides wird versucht, und der Live-Test zeigt, was der Server spricht.
discover-disagree-port = Die Quellen nennen verschiedene Ports für { $protocol } auf { $host }; der am besten eingestufte wird zuerst versucht, und der Live-Test entscheidet.
provider-spectrum-disputed-1 = Port 110 ist der unverschlüsselte (STLS-)Port von POP3, „110 mit SSL“ kann so also nicht funktionieren; POP3 über TLS nutzt 995, und der aktuelle Server ist mobile.charter.net:995. pop.charter.net:110 wurde 2023 außerdem aus Mozillas ISPDB entfernt.
provider-spectrum-disputed-2 = Port 143 ist IMAP ohne Verschlüsselung (bestenfalls STARTTLS); die Server von Spectrum erreicht man über 993 mit TLS von Anfang an.
provider-spectrum-disputed-1-by = einem viel kopierten Artikel über Spectrum-Einstellungen
provider-spectrum-disputed-2-by = einem viel kopierten Artikel über Spectrum-Einstellungen
provider-spectrum-server-3-per = Mozilla ISPDB
provider-spectrum-server-4-per = Hilfeseiten von Spectrum

## The command line's errors

cli-password-prompt = Passwort:
cli-password-empty = das Passwort ist leer
cli-env-not-set = die Umgebungsvariable { $var } ist nicht gesetzt
cli-env-not-utf8 = die Umgebungsvariable { $var } ist kein gültiges UTF-8
cli-password-stdin-failed = das Passwort konnte nicht von der Standardeingabe gelesen werden: { $error }
cli-no-terminal = kein Passwort angegeben und kein Terminal zum Nachfragen: verwenden Sie --password-stdin oder --password-env VAR
cli-password-prompt-failed = das Passwort konnte nicht vom Terminal gelesen werden: { $error }
cli-timeout-invalid = --timeout muss eine Zahl von Sekunden über 0 und höchstens 600 sein, nicht { $value }
cli-not-saved-unverified = nicht gespeichert: nicht jeder Server wurde bestätigt
cli-not-saved = nicht gespeichert: { $error }

## `accounts list`: an account that signs in through its provider's page

accounts-oauth-sign-in = OAuth 2.0 bei { $issuer } (Client { $client }); das Aktualisierungstoken liegt in { $keychain }

## Round trip and OAuth safety

roundtrip-summary-left-flagged = Die Testnachricht kam { $seconds } nach dem Senden im Posteingang an. Sie bleibt als gelöscht markiert; Ihr E-Mail-Programm entfernt sie beim nächsten Aufräumen. Sie jetzt zu entfernen hätte auch andere Nachrichten entfernt, die Sie als gelöscht markiert haben.
roundtrip-left-flagged = bleibt als gelöscht markiert; Ihr E-Mail-Programm entfernt sie beim nächsten Aufräumen
report-label-sign-ins = Anmeldungen
oauth-error-redirect-refused = { $url } hat mit einer Weiterleitung geantwortet; ihr wurde nicht gefolgt, es wurde also nichts an eine andere Adresse geschickt
oauth-error-redirect-refused-advice = Ein Anmeldedienst, der Token-Anfragen anderswohin schickt, ist falsch eingerichtet oder gehört nicht dem Anbieter. Prüfen Sie die Adresse des Ausstellers (--oauth-issuer) und fragen Sie den Anbieter, welche gilt.
## Boundaries and consent

discover-why-bad-host = die Einstellungen von { $place } nennen einen Server ohne gültigen Hostnamen und wurden deshalb abgelehnt
discover-why-bad-issuer = die Einstellungsdatei unter { $place } nennt einen Anmeldeserver, der keine https-Adresse eines gültigen Hosts ist, und wurde deshalb abgelehnt
discover-why-private-redirect = { $place } leitet auf eine Adresse dieses Computers oder seines lokalen Netzes um; dieser Umleitung wird nicht gefolgt
cli-plaintext-needs-host = --allow-plaintext ohne Host gilt nur für die mit --imap, --pop3 oder --smtp angegebenen Server; für gefundene Server nennen Sie den Host: --allow-plaintext HOST
cli-plaintext-bad-host = --allow-plaintext { $host }: geben Sie einen Hostnamen an
keychain-no-answer = { $store } hat nicht innerhalb von { $seconds } s geantwortet
keychain-no-answer-advice = Wenn ein Fenster ein Passwort zum Entsperren verlangt, beantworten Sie es und versuchen Sie es erneut; fragt nichts, melden Sie sich vom Desktop ab und wieder an.
accounts-entries-elsewhere = die Schlüsselbund-Einträge von { $id } wurden aus einem anderen Konfigurationsordner gespeichert (dieser wurde kopiert oder verschoben): Kopie und Original teilen sie, Entfernen oder Speichern des Kontos hier ändert sie also auch dort
## Hand-off: the account in other mail programs (src/export, src/flow/export.rs, src/cli/export.rs, the Done page)

export-format-tfa = QR-Code für Thunderbird für Android
export-format-dclogin = QR-Code für Delta Chat
export-format-mobileconfig = Apple-Konfigurationsprofil
export-format-autoconfig = Autoconfig-Datei
export-oauth-not-carried = der { $format } kann kein Konto übertragen, das sich über seinen Anbieter anmeldet (OAuth 2.0): melden Sie sich auf dem anderen Gerät beim Anbieter an
export-non-ascii-address = der { $format } überträgt nur Adressen aus einfachen ASCII-Zeichen, und { $address } gehört nicht dazu
export-password-required = der { $format } enthält immer das Passwort und entsteht deshalb nur, wenn Sie das Passwort mitgeben
export-imap-required = der { $format } braucht einen IMAP-Server, und für dieses POP3-Konto wurde keiner bestätigt
export-bad-host = „{ $host }“ ist kein Servername, den ein E-Mail-Programm verwenden kann
export-control-character = { $field } enthält ein Steuerzeichen (etwa einen Zeilenumbruch)
export-field-name = der Name
export-field-address = die E-Mail-Adresse
export-field-incoming-host = der Name des Posteingangsservers
export-field-outgoing-host = der Name des Postausgangsservers
export-field-incoming-user = der Benutzername für den Posteingang
export-field-outgoing-user = der Benutzername für den Postausgang
export-field-password = das Passwort
export-invalid = das Konto lässt sich nicht exportieren: { $reason }
export-too-large = der Code hätte { $bytes } Byte, mehr als ein QR-Code fasst ({ $max })
export-png-failed = das QR-Bild konnte nicht erzeugt werden: { $reason }
export-sign-unreadable = { $path }: { $reason }
export-sign-no-openssl = openssl, das das Profil signiert, ließ sich nicht starten ({ $reason }): installieren Sie es (Debian: apt-get install openssl)
export-sign-failed = openssl konnte das Profil nicht signieren: { $reason }
export-sign-timed-out = openssl war nach { $seconds } Sekunden nicht mit dem Signieren fertig
export-profile-mail-name = E-Mail: { $email }
export-profile-name = E-Mail-Konto { $email }
export-profile-description = Fügt das E-Mail-Konto { $email } mit den von Mail Setup geprüften Einstellungen zu Mail hinzu.
export-not-written = { $path } konnte nicht geschrieben werden: { $reason }
export-password-warning = Wer diesen Code oder diese Datei sieht, kann Ihre E-Mails lesen und in Ihrem Namen senden.
export-cli-goa-flags = --out, --payload und --sign-* gelten nicht für --format goa
export-cli-payload-qr-only = --payload gibt es nur für die QR-Formate (tfa-qr, dclogin-qr)
export-cli-sign-profile-only = --sign-cert und --sign-key signieren nur ein mobileconfig-Profil
export-cli-autoconfig-no-password = eine Autoconfig-Datei gilt für die ganze Domain und enthält nie ein Passwort: lassen Sie --with-password weg
export-cli-oauth-no-password = dieses Konto meldet sich über seinen Anbieter an: es wird kein Passwort exportiert, das andere Gerät meldet sich selbst an
export-cli-qr-caption = { $format }: QR-Version { $version } ({ $size }×{ $size } Module). Scannen Sie ihn mit der App.
export-cli-unsigned = Das Profil ist nicht signiert: Geräte zeigen es als „Nicht überprüft“. Signieren Sie es mit --sign-cert und --sign-key.
export-cli-written = { $format } nach { $path } geschrieben.
export-cli-publish-at = Veröffentlichen Sie die Datei unter:
export-cli-srv-records = Oder tragen Sie diese DNS-SRV-Einträge (RFC 6186) in die Zone der Domain ein:
export-cli-goa-added = Zu GNOME Online-Konten hinzugefügt: { $path }
handoff-heading = Dieses Konto auf anderen Geräten und in anderen Apps nutzen
handoff-phone = Ihr Telefon
handoff-thunderbird = Thunderbird
handoff-deltachat = Delta Chat
handoff-thunderbird-hint = Wählen Sie in Thunderbird auf dem Telefon, die Einstellungen von einem anderen Gerät zu übernehmen, und scannen Sie diesen Code.
handoff-deltachat-hint = Fügen Sie in Delta Chat ein Konto hinzu, wählen Sie „Code scannen“ und scannen Sie diesen.
handoff-include-password = Mein Passwort in den Code aufnehmen
handoff-include-password-profile = Mein Passwort in das Profil aufnehmen
handoff-show-code = Code zeigen
handoff-hide-code = Code verbergen
handoff-code-hidden = Dieser Code enthält Ihr Passwort und bleibt deshalb verborgen, bis Sie ihn zeigen lassen.
handoff-making = Der Code wird erstellt …
handoff-qr-name = QR-Code für { $format }
handoff-apple = iPhone, iPad oder Mac
handoff-apple-hint = Eine Profildatei: Öffnen Sie sie auf dem Gerät und bestätigen Sie sie in den Einstellungen. Sie ist nicht signiert, daher markiert das Gerät sie als „Nicht überprüft“.
handoff-save-profile = Profil speichern …
handoff-gnome = GNOME (Evolution, Geary)
handoff-gnome-hint = Fügt das Konto zu den Online-Konten des Desktops hinzu, wo die E-Mail-Programme von GNOME es finden.
handoff-gnome-add = Hinzufügen
handoff-gnome-added = Zu GNOME Online-Konten hinzugefügt.
handoff-admin = Für die Verwaltung Ihrer Domain
handoff-admin-hint = Eine Autoconfig-Datei: Auf dem Webserver der Domain veröffentlicht, finden E-Mail-Programme diese Einstellungen selbst.
handoff-save-autoconfig = Autoconfig speichern …
handoff-saved = Gespeichert unter { $path }.
handoff-not-saved = Nicht gespeichert: { $reason }
handoff-save-title = Datei speichern

## GNOME Online Accounts

goa-not-available = GNOME-Online-Konten gibt es nur auf Linux-Desktops
goa-not-available-advice = Bringen Sie das Konto stattdessen mit dem QR-Code oder der Konfigurationsdatei in Ihre anderen Anwendungen.
goa-no-session-bus = es wurde keine Desktop-Sitzung gefunden, über die die GNOME-Online-Konten erreichbar sind ({ $reason })
goa-no-session-bus-advice = Starten Sie dies in einem Terminal Ihrer Desktop-Sitzung (nicht über SSH und nicht als anderer Benutzer).
goa-not-installed = Die GNOME-Online-Konten sind auf diesem Rechner nicht installiert
goa-not-installed-advice = Installieren Sie sie (Debian und Ubuntu: apt install gnome-online-accounts) und versuchen Sie es erneut, oder richten Sie das Konto von Hand in Ihrem E-Mail-Programm ein.
goa-not-running = Der Dienst der GNOME-Online-Konten ist nicht gestartet oder antwortet nicht: { $reason }
goa-not-running-advice = Melden Sie sich ab und wieder an und versuchen Sie es erneut.
goa-oauth = { $email } meldet sich über seinen Anbieter an (OAuth), die „IMAP und SMTP“-Konten von GNOME nehmen aber nur ein Passwort an
goa-oauth-advice = Fügen Sie das Konto unter Einstellungen → Online-Konten mit dem eigenen Eintrag des Anbieters hinzu (zum Beispiel Google oder Microsoft 365).
goa-pop3 = { $email } empfängt E-Mails über POP3, die GNOME-Online-Konten kennen aber nur IMAP
goa-pop3-advice = Richten Sie das Konto erneut mit IMAP ein, oder fügen Sie es von Hand in Ihrem E-Mail-Programm hinzu.
goa-already-exists = Die GNOME-Online-Konten haben bereits ein Konto für { $email }; es wurde nichts hinzugefügt
goa-already-exists-advice = Um es zu ersetzen, entfernen Sie zuerst das alte unter Einstellungen → Online-Konten.
goa-refused = Die GNOME-Online-Konten haben das Konto abgelehnt: { $message }
goa-password-not-stored = Die GNOME-Online-Konten konnten das Passwort nicht im Schlüsselbund ablegen ({ $reason }); das Konto wurde deshalb wieder entfernt
goa-password-not-stored-kept = Die GNOME-Online-Konten konnten das Passwort nicht im Schlüsselbund ablegen ({ $reason }), und das halb angelegte Konto ließ sich nicht entfernen: Entfernen Sie es unter Einstellungen → Online-Konten
goa-password-not-stored-advice = Entsperren Sie den Schlüsselbund (am Desktop anmelden oder „Passwörter und Schlüssel“ öffnen) und versuchen Sie es erneut.
goa-timeout = Die GNOME-Online-Konten haben nicht innerhalb von { $seconds } Sekunden geantwortet ({ $step })
goa-timeout-advice = Wenn ein Schlüsselbund-Fenster auf Ihr Passwort wartet, beantworten Sie es und versuchen Sie es dann erneut.
goa-unexpected = Die GNOME-Online-Konten haben auf { $step } auf eine Weise geantwortet, die diese Version von Mail Setup nicht versteht: { $detail }
goa-invalid = dieses Konto kann nicht weitergegeben werden: { $detail }
## Window polish

password-paste-refused = Der eingefügte Text enthält mittendrin einen Zeilenumbruch, den kein Mailserver in einem Passwort annimmt; er wurde daher nicht eingefügt. Kopieren Sie nur das Passwort und fügen Sie es erneut ein.
password-space-start = Ihr Passwort beginnt mit einem Leerzeichen. Wenn es nicht dazugehört, entfernen Sie es.
password-space-end = Ihr Passwort endet mit einem Leerzeichen. Wenn es nicht dazugehört, entfernen Sie es.
password-space-both = Ihr Passwort beginnt und endet mit einem Leerzeichen. Wenn sie nicht dazugehören, entfernen Sie sie.
problems-count = { $count ->
    [one] Ein Feld braucht Ihre Aufmerksamkeit.
   *[other] { $count } Felder brauchen Ihre Aufmerksamkeit.
}
consent-suggested = vorgeschlagen – noch nicht getestet
manual-suggested = { $host } ist ein Vorschlag nach den üblichen Namen, noch nicht getestet.
cli-check-no-accounts = in { $folder } ist kein Konto gespeichert: nichts zu prüfen
cli-check-which = mehr als ein Konto ist gespeichert ({ $ids }): nennen Sie das zu prüfende
replace-question = Das gespeicherte Konto für { $email } ersetzen? Für diese Adresse ist bereits ein Konto gespeichert ({ $id }); wenn Sie jetzt speichern, treten diese Einstellungen und dieses Passwort an seine Stelle.
replace-confirm = Gespeichertes Konto ersetzen
replace-looking = Es wird geprüft, ob für diese Adresse schon ein Konto gespeichert ist … Gespeichert wird, sobald die Antwort da ist.
manual-browse = Durchsuchen …
manual-browse-title = Datei der Zertifizierungsstelle
manual-ca-in-effect-file = Gültig: die Zertifizierungsstellen des Systems und { $file }.
manual-ca-in-effect-environment = Gültig: die Zertifizierungsstellen des Systems und { $file } (aus MAILSETUP_CA_FILE).
manual-ca-in-effect-system = Gültig: nur die Zertifizierungsstellen des Systems.
## Platforms

platform-verifier-unavailable = die Zertifikatsprüfung dieses Systems ließ sich nicht einrichten ({ $detail }); geben Sie das CA-Zertifikat des Servers mit --ca-file an, um allein damit zu prüfen
platform-trust-caller-only = Hinweis: Die Zertifikatsprüfung dieses Systems ließ sich nicht einrichten ({ $detail }). Zertifikate werden allein gegen die angegebene CA-Datei geprüft: Kette, Signaturen, Daten, Servername und Verwendungszweck, aber ohne Sperrprüfung und ohne die Liste der Zertifikate, denen das System misstraut.
cause-certificate-check-unavailable = Die Zertifikatsprüfung dieses Computers funktioniert nicht, daher konnte das Zertifikat des Servers nicht geprüft werden.
cause-certificate-check-unavailable-advice = Es wurde nichts an den Server gesendet. Geben Sie das CA-Zertifikat des Servers an (--ca-file, oder „Dem Schlüssel dieses Servers vertrauen“ im Fenster), um allein damit zu prüfen, oder führen Sie den Test auf einem Computer aus, dessen Zertifikatsprüfung funktioniert (das passiert unter wine, nicht unter Windows selbst).

# scram-wire: SCRAM sign-in proves interception (issue 25)
cause-tls-intercepted-proven = Etwas zwischen diesem Computer und dem Mailserver hat eine eigene verschlüsselte Verbindung zum Server aufgebaut: Die Anmeldung hat es bewiesen. Das Passwort selbst wurde nicht gesendet.
cause-tls-intercepted-proven-advice = Melden Sie sich über dieses Netz nicht an, bevor Sie wissen, was dazwischen sitzt. Schalten Sie in Ihrer Sicherheitssoftware das Prüfen verschlüsselter Verbindungen (oder von E-Mails) ab oder versuchen Sie es in einem anderen Netz (zum Beispiel über den Hotspot Ihres Telefons). In einem Firmennetz fragen Sie die IT, ob sie Mailverbindungen untersucht.

# pacc: PACC, autoconfig 1.2 und JMAP erkannt (Issue 24 §2–§4)
source-pacc = die per Prüfsumme bestätigte Konfigurationsdatei der Domain (PACC)
source-jmap = JMAP-Prüfung (.well-known und SRV)
discover-jmap-offered = Dieser Anbieter bietet auch JMAP an (gefunden bei { $seen }). mailsetup meldet sich noch nicht über JMAP an; es richtet IMAP oder POP3 mit SMTP ein.
discover-why-pacc-no-digest = die Konfigurationsdatei unter { $place } wurde nicht verwendet: { $name } veröffentlicht im DNS keine Prüfsumme, die sie bestätigen könnte
discover-why-pacc-mismatch = die Konfigurationsdatei unter { $place } wurde nicht verwendet: sie passt nicht zur Prüfsumme unter { $name } und stammt daher womöglich nicht vom Anbieter
protocol-jmap-offered = Dieser Anbieter bietet auch JMAP an, einen neueren Weg, auf dem Mail-Programme mit dem Server sprechen. mailsetup kann sich noch nicht über JMAP anmelden; wählen Sie hier IMAP oder POP3.
discover-other-services = Vom Anbieter außerdem genannt, von mailsetup nicht eingerichtet: { $services }
discover-sasl = vom Anbieter genannte Anmeldeverfahren: { $mechanisms }
## Branch autodiscover: Microsoft Autodiscover and Microsoft 365

source-autodiscover = Microsoft Autodiscover
discover-exchange-only = { $domain } bietet Microsoft Exchange an (die eigene Verbindung von Outlook) und nennt keinen IMAP-, POP3- oder SMTP-Server. IMAP kann dort trotzdem eingeschaltet sein; die üblichen Servernamen werden ebenfalls ausprobiert.
vouch-autodiscover = genannt von Microsoft Autodiscover über eine geprüfte Verbindung
# settle: testing while discovery still runs
early-switched = { $source } nennt einen besser eingestuften Server, { $host }: jetzt wird dieser getestet.
## oauth-public: Anmeldung ohne vorab registrierten Client (src/oauth/register.rs, metadata.rs)

oauth-error-no-registration = die Anmeldung bei { $provider } braucht eine Client-ID, keine ist eingerichtet, und { $issuer } lässt Apps sich nicht selbst registrieren (seine Metadaten nennen keinen Registrierungs-Endpunkt)
oauth-error-no-registration-advice = Dieser Anbieter erwartet, dass Apps vorab bei ihm registriert werden. Bitten Sie den Anbieter um eine Client-ID für mailsetup und geben Sie sie mit --oauth-client-id oder in der Umgebungsvariable MAILSETUP_OAUTH_CLIENT_ID an, oder melden Sie sich mit einem Passwort an, wenn der Anbieter das erlaubt.
oauth-error-registration-refused = { $url }: der Anbieter hat die Registrierung von mailsetup abgelehnt: { $code }
oauth-error-registration-refused-advice = Der Anbieter lässt mailsetup sich nicht selbst als Desktop-App registrieren. Bitten Sie den Anbieter um eine Client-ID für mailsetup und geben Sie sie mit --oauth-client-id an, oder melden Sie sich mit einem Passwort an, wenn der Anbieter das erlaubt.
oauth-error-not-public-client = { $url } hat mailsetup als Client registriert, der sich mit { $method } anmelden muss, nicht als öffentliche App
oauth-error-issuer-mismatch = { $url } nennt den Aussteller { $named }, nicht { $expected }, daher werden seine Endpunkte nicht verwendet
oauth-error-issuer-mismatch-advice = Die Beschreibung des Anmeldeservers gehört zu einem anderen Server, deshalb wurde nichts an ihn gesendet. Prüfen Sie die Anmeldeadresse (--oauth-issuer oder die aus der Konfiguration Ihres Anbieters) mit Ihrem Anbieter.
oauth-cli-registered = Für { $name } ist keine Client-ID eingerichtet: mailsetup hat sich dort als App { $id } registriert.
oauth-cli-registered-browser = Eine so registrierte App meldet sich über den Browser an.
accounts-label-registered = registriert
accounts-oauth-registered = von mailsetup selbst bei { $endpoint }, da keine Client-ID eingerichtet war
accounts-label-resource = Tokens für
