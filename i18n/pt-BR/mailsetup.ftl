# Mail Setup — English (the reference: every other language has exactly these keys).
# Keep technical names as mail apps show them: IMAP, POP3, SMTP, SSL/TLS, STARTTLS, port.

## Units and numbers

unit-under-1-ms = under 1 ms
unit-ms = { $value } ms
unit-seconds = { $value } s

## Window frame and buttons

header-step = · step { $step } of { $steps }
page-account = Your account
page-lookup = Looking up your provider
page-protocol = How do you want to read mail?
page-testing = Testing your settings
page-manual = Manual settings
page-done = Done
page-done-keychain-failed = Could not store the password
page-done-file-failed = Could not save
page-done-saving = Saving
nav-next = Next
nav-back = Back
nav-cancel = Cancel
nav-close = Close
nav-try-again = Try again
nav-set-up-manually = Set up manually
nav-save-account = Save account
nav-test-settings = Test settings
nav-add-another = Add another account
language-label = Language
role-incoming = Incoming mail
role-outgoing = Outgoing mail

## Page 1: your account

account-intro = Enter the address and password you use for your mail. We will find the right servers and test them before anything is saved.
account-name = Your name (optional)
account-name-hint = as others see it
account-email = Email address
account-did-you-mean = Did you mean { $suggestion }?
account-use-suggestion = Use { $suggestion }
account-password = Password
account-show-password = Show password
account-password-problem = { $problem } Correct the password, then press Next to test again.
account-password-missing = Enter your password.
account-not-ready = Enter your address and password to go on.
password-line-break = The password contains a line break, which cannot be sent to a mail server (pasting often brings one along).
password-nul = The password contains a NUL character, which cannot be sent to a mail server.
note-before-you-start = Before you start: { $step }
note-app-password-here = Create an app password here:

## Page 2: looking up the provider

lookup-asking = Asking every place that may know the mail servers of { $domain }. This usually takes a few seconds.
lookup-nothing-found = We could not find complete settings for { $domain }.
lookup-nothing-found-advice = Check the address for typing mistakes, or enter the servers by hand: your provider's help pages list them.
lookup-failed = The lookup could not run.
lookup-waiting = waiting
lookup-found = { $count ->
    [one] found 1 server
   *[other] found { $count } servers
}
lookup-nothing = nothing
lookup-source-failed = failed: { $why }
lookup-not-needed = not needed
lookup-starting = Starting…

## Page 3: IMAP or POP3

protocol-intro = Tell us how you read mail and we suggest the way that fits:
protocol-one-device = I read this mail on one computer only
protocol-offline = I often need my mail without an internet connection
protocol-imap-title = IMAP — keep mail on the server, in sync everywhere
protocol-pop3-title = POP3 — download mail to this computer
protocol-recommended = { $title } (recommended)
protocol-not-available = Not available: { $why }
protocol-server = Server: { $endpoint } ({ $security })
protocol-our-suggestion = Our suggestion
protocol-provider-says = What your provider says
protocol-confirm-first = Confirm the servers listed on the page first.
protocol-imap-text = Your mail stays on the provider's server and this app shows it from there. Phone, laptop and webmail all see the same messages, folders and read marks, and a message you delete on one is gone on all. Most things need a connection to the server; recent mail is usually kept for reading offline.
protocol-pop3-text = New mail is downloaded to this computer, and the app can leave a copy on the server or not. Everything downloaded can be read without a connection. But folders, read marks and sent mail stay on this computer only: other devices will not see them.
protocol-no-imap = This provider does not offer IMAP (none of the places we asked lists an IMAP server), so mail cannot stay in sync across devices from this app.
protocol-no-pop3 = This provider does not offer POP3 (none of the places we asked lists a POP3 server), so IMAP is the way to read mail here.
protocol-why-pop3-only = POP3 is the only way this provider offers to read mail.
protocol-why-pop3-one-device-offline = You said you read mail on one device and often no connection: POP3 keeps everything on this computer, ready to read offline. Choose IMAP instead if you might add a phone later.
protocol-why-pop3-one-device = You said you read mail on one device: POP3 keeps everything on this computer, ready to read offline. Choose IMAP instead if you might add a phone later.
protocol-why-pop3-offline = You said you read mail on often no connection: POP3 keeps everything on this computer, ready to read offline. Choose IMAP instead if you might add a phone later.
protocol-why-imap-provider = POP3 could suit how you read mail, but your provider asks for IMAP, so we recommend IMAP here.
protocol-why-imap = IMAP suits most people: your mail is the same on every device, and nothing is lost if this computer breaks.
stance-spectrum = Spectrum asks mail apps to use IMAP. Its POP3 service still answers, but Spectrum treats it as the older, legacy way in.

## Who gets the password

consent-heading = Your password will be sent to
consent-recipient = { $role }: { $host } — { $from }
consent-unvouched = Nothing from your provider confirms this server. Send your password there only if you expected it.
consent-send-to = Send my password to { $host }
consent-problem = Confirm each server marked below before your password is sent to it.

## Page 4: testing

check-find-server = Find server
check-connect = Connect
check-secure = Secure connection
check-greeting = Server greeting
check-sign-in = Sign in
check-sign-out = Sign out
row-waiting = waiting
row-running = in progress
row-done = done
row-failed = failed
row-not-reached = not reached
row-skipped = skipped
row-stopped = stopped
testing-both-work = Both servers work. Press "Save account" to keep these settings.
testing-settings-from = Settings from: { $sources }
testing-server-heading = { $role } — { $protocol } { $endpoint } ({ $security }, user { $user })
testing-not-started = The test could not start.
testing-warning = Warning: { $text }
testing-server-said = The server said:
testing-candidates = Servers found, checked without your password:
testing-answers = answers
testing-no-answer = no answer
testing-details = Details ({ $role })
testing-cause-code = Cause code: { $code }
testing-greeting = Greeting: { $greeting }
testing-connected-to = Connected to { $address }
testing-certificate-verified = certificate verified
testing-certificate-not-verified = certificate NOT verified
testing-certificate-for = Certificate for { $names } issued by { $issuer }, valid until { $until }
testing-transcript = Transcript (password removed)
action-fix-password = Fix password
action-create-app-password = Create an app password
action-enter-app-password = Enter an app password
action-try-security = Try { $security } on port { $port }
action-try-another-server = Try another server
action-edit-settings = Edit settings
action-retry = Retry

## The server's certificate

cert-title = The server's certificate
cert-trust-explained = If this is your own server (or its owner confirmed the key's fingerprint), you can trust this key for { $host }:{ $port } only. Its name and dates are still checked, and you will be warned if the key ever changes.
cert-trust-key = Trust this server's key
cert-no-names = (none)
cert-valid-range = { $from } to { $until }
cert-subject = Subject
cert-issued-by = Issued by
cert-names = Names
cert-valid = Valid
cert-sha256 = Certificate SHA-256
cert-spki-sha256 = Public key SHA-256

## Sending a test message to oneself

roundtrip-option = Send a test message to myself
roundtrip-option-help = Once both servers work, one real message goes from your address to itself; it is deleted again as soon as it arrives.
roundtrip-step-send = Send a test message
roundtrip-step-wait = Wait for it in the inbox
roundtrip-step-delete = Delete it again
roundtrip-sending = sending
roundtrip-sent = sent
roundtrip-sent-in = sent in { $seconds }
roundtrip-queue-id = (queue id { $queue })
roundtrip-waiting = waiting
roundtrip-arrived-after = arrived after { $seconds }
roundtrip-deleted = deleted
roundtrip-not-deleted = could not be deleted
roundtrip-not-arrived-within = did not arrive within { $seconds }
roundtrip-not-sent = not sent
roundtrip-not-searched = inbox could not be searched
roundtrip-summary-arrived = The test message arrived in the inbox { $seconds } after it was sent and was deleted again.
roundtrip-summary-arrived-not-deleted = The test message arrived in the inbox { $seconds } after it was sent; it could not be deleted, please delete it yourself.
roundtrip-summary-not-arrived = The outgoing server accepted the test message, but it was not in the inbox after { $seconds }. Look in the spam or junk folder and check the account's filters and forwarding rules; if it shows up later, it can be deleted.
roundtrip-summary-not-arrived-queue = The outgoing server accepted the test message (queue id { $queue }), but it was not in the inbox after { $seconds }. Look in the spam or junk folder and check the account's filters and forwarding rules; if it shows up later, it can be deleted.
roundtrip-summary-not-sent = The test message could not be sent: { $summary } { $advice }
roundtrip-summary-not-checked = The test message was sent, but the inbox could not be searched: { $summary } { $advice }

## Reports for a technician

report-copy = Copy report
report-copy-hover = Copy the test report (Markdown, password removed) for a support ticket
report-save = Save report…
report-save-hover = Save the test report (Markdown, password removed) to a file
report-save-title = Save the report
report-no-dialog = no file dialog could be opened here (it needs the desktop portal or zenity); use Copy report instead.
report-technician-view = Technician view
report-technician-view-hover = Show the conversation with the server live (password removed)
report-live-transcript = Conversation with the server, live ({ $role }, password removed)
report-nothing-yet = (nothing yet)
report-copied = The report is on the clipboard (password removed).
report-saved = Report saved to { $path }.
report-not-saved = The report was not saved: { $why }

## Page 5: manual settings

manual-intro = Your provider's help pages list these settings. The user name is usually your full email address.
manual-incoming-protocol = Incoming protocol:
manual-incoming-server = Incoming server
manual-incoming-port = Incoming port
manual-incoming-user = Incoming user name
manual-outgoing-server = Outgoing server
manual-outgoing-port = Outgoing port
manual-outgoing-user = Outgoing user name
manual-security = Security:
manual-security-none = None (unsafe)
manual-accept-plaintext = Send my password without encryption. I understand that anyone on the network between me and the server (public Wi-Fi, the internet provider) can read it and my mail.
manual-extra-ca-section = Certificate authority (for company servers)
manual-extra-ca-intro = Only if your IT department gave you a certificate file for its own mail server.
manual-extra-ca-file = Certificate authority file (PEM)
manual-accept-extra-ca = Trust every certificate this authority signs. Whoever holds its key can read connections this app makes to these servers.
manual-http-warning = Learned over plain HTTP: anyone on the network could have changed the settings for { $host }. Check them with your provider before you test.
manual-needs-attention = Some settings need attention.
manual-problem-host-missing = Enter the server name, e.g. imap.example.com.
manual-problem-host-invalid = "{ $host }" is not a server name.
manual-problem-port = The port is a number from 1 to 65535.
manual-problem-username = Enter the user name (usually the full email address).
manual-problem-plaintext = Without encryption your password crosses the network readable by anyone on the way. Tick the box to confirm you want this.
manual-problem-extra-ca = Tick the box to confirm you trust this certificate authority.

## Page 6: done

done-saving = Saving: password to the keychain, then the account file…
done-set-up = { $email } is set up.
done-account-file = Account file
done-password-stored-in = Password stored in
done-account-id = Account id
done-password-only-in-keychain = The password is only in the keychain, never in the account file.
done-no-keychain = The password could not be stored: no keychain is available.
done-nothing-saved = Nothing was saved. mailsetup never writes your password to a file instead.
done-what-you-can-do = What you can do:
done-use-keyutils = Use the Linux kernel keyring
done-use-keyutils-hover = The Linux kernel keyring (keyutils) keeps passwords in the kernel's memory, not on disk.
done-keyutils-note = The kernel keyring keeps passwords in memory, not on disk: depending on the system it may forget them when you log out or restart, and mail apps would then ask again.
done-file-failed = The account file could not be written.
done-file-failed-rolled-back = The password was removed from the keychain again, so nothing is half-saved.
