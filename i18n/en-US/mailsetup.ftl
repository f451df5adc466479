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
manual-accept-plaintext-to = Send my password without encryption to { $hosts }. I understand that anyone on the network between me and that server (public Wi-Fi, the internet provider) can read it and my mail.
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

## Why a test failed: one sentence, then what to do (one pair per cause code)

cause-dns-not-found = The server name does not exist.
cause-dns-not-found-advice = Check the server name for typing mistakes. Your provider's help pages list the right one.
cause-dns-failed = The server name could not be looked up.
cause-dns-failed-advice = Check your connection (Wi-Fi, cable or mobile data), then try again. If websites open, the name servers of your network or provider may be having trouble.
cause-connection-refused = The server refused the connection on this port.
cause-connection-refused-advice = The port is probably wrong, or the service is switched off. Check the port number in your provider's settings.
cause-network-unreachable = This computer has no way through the network to the server.
cause-network-unreachable-advice = Check your connection: is Wi-Fi or the cable connected, and do websites open? Then try again. A VPN, or a network that only lets some traffic out, can also cause this.
cause-connection-timeout = The server did not answer the connection attempt.
cause-connection-timeout-advice = A firewall, your network or your internet provider may be blocking this port. Try another network, or check the port number.
cause-connection-closed = The server hung up in the middle of the conversation.
cause-connection-closed-advice = Try again in a few minutes. If it keeps happening, the server may be blocking this computer's address; contact your provider.
cause-greeting-timeout = The connection opened, but the server never said hello.
cause-greeting-timeout-advice = The server may be overloaded, or something on the network is holding the connection. Try again later or check the port.
cause-wrong-protocol = Something answered on this port, but it is not the kind of mail server expected here.
cause-wrong-protocol-advice = The port number is probably wrong for this kind of server. Check the port in your provider's settings.
cause-tls-on-plaintext-port = This port expects an unencrypted start, but the connection was set to encrypt from the first byte.
cause-tls-on-plaintext-port-advice = Change the security setting to STARTTLS for this port, or use the encrypted port instead (993 for IMAP, 995 for POP3, 465 for sending).
cause-plaintext-on-tls-port = This port expects encryption from the first byte, but the connection was set to start unencrypted.
cause-plaintext-on-tls-port-advice = Change the security setting to SSL/TLS for this port.
cause-tls-handshake-failed = The secure connection could not be set up.
cause-tls-handshake-failed-advice = The server may only support outdated encryption. Try the other security mode or port, and tell your provider.
cause-certificate-expired = The server's security certificate has expired.
cause-certificate-expired-advice = Do not send your password to this server until it is fixed. Check your computer's date and time; if they are right, tell your provider.
cause-certificate-not-yet-valid = The server's security certificate is not valid yet.
cause-certificate-not-yet-valid-advice = Check your computer's date and time. If they are right, tell your provider.
cause-certificate-name-mismatch = The server's security certificate belongs to a different name.
cause-certificate-name-mismatch-advice = The server name may be an alias. Use the name the certificate shows (see Details) if your provider confirms it.
cause-certificate-untrusted = The server's security certificate is not signed by an authority this computer trusts.
cause-certificate-untrusted-advice = This can mean someone is intercepting the connection. Do not continue on a public network; ask your provider or IT which certificate to expect. If this is your own server with its own certificate, compare its key's fingerprint (see Details) with the server and trust that key.
cause-starttls-not-offered = The server does not offer to encrypt this connection.
cause-starttls-not-offered-advice = Your password was not sent. Use the SSL/TLS port instead, or ask your provider how to connect securely.
cause-starttls-failed = The server refused to switch this connection to encryption.
cause-starttls-failed-advice = Try the SSL/TLS port instead. If that fails too, contact your provider.
cause-plaintext-auth-refused = The server does not accept passwords on an unencrypted connection.
cause-plaintext-auth-refused-advice = Turn on encryption: choose SSL/TLS or STARTTLS in the security setting.
cause-insecure-connection-refused = The password was not sent, because the connection is not encrypted.
cause-insecure-connection-refused-advice = Choose SSL/TLS or STARTTLS. Only allow an unencrypted connection if you trust every network between you and the server.
cause-auth-failed = The server did not accept the user name or password.
cause-auth-failed-advice = Check the password (and Caps Lock) and the user name; many providers want the full email address as user name. Sign in on the provider's website to be sure the password works.
cause-unsendable-credentials = The user name or password contains a line break or a NUL character, which cannot be sent to a mail server. Nothing was sent.
cause-unsendable-credentials-advice = Type the password (and user name) again by hand; a pasted password often brings the end of the line with it.
cause-app-password-required = This account needs an app password instead of your normal password.
cause-app-password-required-advice = Create an app password in your provider's account security settings, then enter it here instead of your normal password.
cause-oauth-required = This provider no longer accepts passwords from mail apps: it requires signing in through its own web page (OAuth2).
cause-oauth-required-advice = Use a mail app that supports your provider's web sign-in, or ask the administrator to allow password sign-in for this account.
cause-auth-mechanism-unsupported = The server offers no sign-in method this app can use.
cause-auth-mechanism-unsupported-advice = Contact your provider or IT and ask which sign-in methods the server supports.
cause-protocol-disabled = The account exists, but access by mail apps (IMAP, POP or sending) is switched off for it.
cause-protocol-disabled-advice = Switch IMAP/POP (or sending from other apps) on in the provider's web mail settings, or ask the administrator to allow it. The password itself may be right.
cause-web-sign-in-required = The provider stopped this sign-in until you confirm it on its website.
cause-web-sign-in-required-advice = Sign in on the provider's website in a browser, confirm that the attempt was you (look for a security alert), then try again.
cause-too-many-attempts = The provider is blocking sign-ins for a while after too many attempts.
cause-too-many-attempts-advice = Wait before trying again, and make sure no other device keeps trying an old password. More attempts now can make the block last longer.
cause-too-many-connections = Too many programs or devices are connected to this account at the same time.
cause-too-many-connections-advice = Close the mail app on another device (or another mail program on this one), wait a few minutes, then try again.
cause-password-expired = The password has expired.
cause-password-expired-advice = Sign in on the provider's website, choose a new password there, then enter the new one here.
cause-client-blocked = The server refuses connections from your network's address.
cause-client-blocked-advice = Your internet address may be on a spam blocklist. Try from another network, or ask your internet provider or the mail provider to remove the block.
cause-server-unavailable = The server is temporarily unavailable.
cause-server-unavailable-advice = This is usually brief. Wait a few minutes and try again.
cause-protocol-error = The server answered in a way this app did not understand.
cause-protocol-error-advice = Try again. If it keeps happening, send the details to your provider or IT.
cause-timeout = The server stopped answering.
cause-timeout-advice = Check your connection and try again. The server may be overloaded.
cause-message-not-arrived = The outgoing server accepted the test message, but it did not show up in the inbox in time.
cause-message-not-arrived-advice = Mail may be slow today, or the message was filed elsewhere: look in the spam or junk folder and check the account's filters and forwarding rules. If it arrives later, it can be deleted; its subject says it is a test.
cause-account-unavailable-incoming = The server says the account cannot be used right now (locked, disabled, in use or over quota).
cause-account-unavailable-incoming-advice = Sign in on your provider's website to see what is wrong with the account, or contact your provider.
cause-account-unavailable-outgoing = The server says the account may not send mail right now.
cause-account-unavailable-outgoing-advice = Sign in on your provider's website to check the account, or contact your provider.
cause-certificate-unchecked = The server's security certificate could not be checked.
cause-certificate-unchecked-advice = See Details.
cause-tls-intercepted = Security software or a network proxy is intercepting the encrypted connection: the certificate came from it, not from the mail server.
cause-tls-intercepted-advice = Switch off the scanning of encrypted connections (or of e-mail) in that product, or add the mail server as an exception, then try again. Do not install its certificate just to make this work unless you trust the product.
cause-clock-wrong = This computer's date and time are wrong, so valid certificates look expired or not yet valid.
cause-clock-wrong-advice = Set the date, time and time zone correctly (turn on "Set time automatically"), then try again. Nothing is wrong with the server.
cause-certificate-changed = The server presented a different key from the one you trusted for it.
cause-certificate-changed-advice = If the server's owner replaced its key on purpose, check the new fingerprint with them and trust the new key. If nobody changed it, someone may be intercepting the connection: do not send your password.
cause-captive-portal = This network wants you to sign in in a browser first.
cause-captive-portal-advice = Open any web page in your browser and finish the network's sign-in page (hotel, train, café or guest Wi-Fi: accept the terms or type the access code), then test again. Until then the network answers in place of the mail server; your password was not sent.
cause-port-blocked = This port does not answer on this network, but another port of the same server does.
cause-port-blocked-advice = Use the other port shown here. Networks at hotels, schools and workplaces often block some mail ports.

## Where settings came from, and why a host may get the password

source-provider = built-in provider table
source-autoconfig = the provider's autoconfig server
source-well-known = the domain's .well-known autoconfig file
source-ispdb = Mozilla's ISPDB
source-mx = the domain's mail exchanger (MX)
source-srv = DNS service records (SRV)
source-guess = usual server names
source-autoconfig-http = autoconfig over plain HTTP
via-table = built-in table: { $provider }
via-per = { $via } (per { $per })
via-mx-table = MX { $mx } → { $domain } → built-in table
via-mx-file = MX { $mx } → { $domain } → { $file } { $trail }
via-srv = SRV { $name } → { $target } (priority { $priority }, weight { $weight })
via-guess = { $host } exists in DNS
vouch-own-domain = part of { $domain } itself
vouch-provider = named by mailsetup's built-in provider table
vouch-ispdb = named by Mozilla's ISPDB over a verified connection
vouch-published = published by { $domain } over a verified connection
vouch-autoconfig-file = { $domain }'s autoconfig file
vouch-plain-http = learned from { $what } over plain HTTP, which anyone on the network could have changed
vouch-redirected = { $source } sent mailsetup on to { $to }, outside { $domain }
vouch-srv = found in { $domain }'s DNS service (SRV) records, not confirmed by { $domain }
vouch-mx = found through { $domain }'s mail exchanger (MX) records, not confirmed by { $domain }
vouch-found-by = found by { $source }, not confirmed by { $domain }
consent-question = Mail for { $domain } is handled by { $host } — { $how }.
source-manual = entered by hand
consent-entered-by-you = entered by you

## How signing in works at a provider

login-password = Sign in with the normal password of the mail account.
login-password-or-oauth2 = The normal password of the mail account works; sign-in through the provider's page (OAuth2) works too.
login-app-password = The normal password will not work here: create an app password on the provider's website and type that instead.
login-oauth2-or-app-password = The normal password will not work here: either sign in through the provider's page (OAuth2) or create an app password and type that.
login-oauth2-only = This provider has switched password sign-in off: only sign-in through the provider's page (OAuth2) works.
login-oauth2-unless-admin-allows = Microsoft switched passwords off for IMAP, POP and SMTP: your password works here only if your organisation's administrator allowed it for your mailbox.

## Notes of the built-in provider table (keys follow assets/providers.json: a test checks the English text)

provider-spectrum-note-1 = Spectrum wants IMAP; POP3 still works there but is the older choice.
provider-spectrum-note-2 = Port 587 on mobile.charter.net is listed both as TLS-from-the-start and as STARTTLS; the live test shows which one the server really speaks.
provider-roadrunner-note-1 = Regional addresses such as name@nc.rr.com or name@tampabay.rr.com use the same servers (mail.twc.com).
provider-gmail-note-1 = An app password needs 2-Step Verification switched on in the Google account first.
provider-outlook-note-1 = Microsoft switched off password sign-in for mail apps on 16 September 2024; only OAuth2 sign-in works.
provider-microsoft365-enable-first = your organisation's administrator must allow password sign-in for your mailbox (IMAP, POP and "Authenticated SMTP" under Manage email apps). Ask your IT department before you go on.
provider-microsoft365-note-1 = Mail apps that sign in through Microsoft's own page (OAuth2) work without the administrator's help.
provider-icloud-note-1 = iCloud has no POP3.
provider-icloud-note-2 = Incoming mail signs in with the part before the @; outgoing mail with the full address.
provider-att-note-1 = AT&T calls its app password a "secure mail key"; the normal account password does not work in mail apps.
provider-gmx-net-enable-first = Switch on POP3/IMAP access in the GMX web mail settings before the first sign-in.
provider-gmx-com-enable-first = Switch on POP3/IMAP access in the GMX web mail settings before the first sign-in.
provider-webde-enable-first = Switch on POP3/IMAP access in the WEB.DE web mail settings before the first sign-in.

## The command line's text output (JSON output stays English)

cli-no-servers = No servers were found to test for { $email }.
cli-none-tested-unconfirmed = No server was tested for { $email }: the servers found need your confirmation.
cli-verified-count = { $total ->
    [one] { $ok } of 1 server verified for { $email }.
   *[other] { $ok } of { $total } servers verified for { $email }.
}
cli-saved = Saved as account "{ $id }" in { $file }; the password is in the { $keychain }.
cli-saved-oauth = Saved as account "{ $id }" in { $file }; the sign-in (its refresh token) is in the { $keychain }.
cli-no-accounts = No saved accounts in { $folder }.
cli-removed = Removed { $id } ({ $email }).
cli-entries-left = The { $store } was not changed: entries { $incoming } and { $outgoing } may still be there.
cli-oauth-not-revoked-advice = The account is removed from mailsetup all the same, but the provider still honours its sign-in until it expires. To end it now, sign in to your account at { $issuer } and remove mailsetup's access in its security or connected-apps settings.
cli-oauth-no-keychain = the keychain could not be opened, so the saved refresh token could not be read to give it back
cli-oauth-not-revoked = warning: the sign-in at { $issuer } could not be ended ({ $code }): { $summary }
cli-oauth-revoked = The sign-in at { $issuer } was ended: the saved refresh token no longer works there.
cli-check-failed = Not verified: the saved setup does not work as it is.
cli-check-passed = Verified: the saved setup works.
cli-server-said = server said: { $reply }
cli-what-to-do = what to do: { $advice }
cli-discovered = { $count ->
    [one] Discovered settings for { $email } in { $ms } ms (1 candidate).
   *[other] Discovered settings for { $email } in { $ms } ms ({ $count } candidates).
}
cli-provider = Provider: { $name }
cli-unknown = unknown
cli-found-by = found by { $sources }
cli-no-server-found = no server found

## What is wrong with a typed address

address-empty = The email address is empty
address-missing-at = "{ $address }" has no @: an email address looks like name@example.com
address-empty-local = "{ $address }" has nothing before the @
address-empty-domain = "{ $address }" has nothing after the @
address-whitespace = "{ $address }" contains a space or a control character
address-several-at = "{ $address }" has more than one @
address-invalid-domain = The domain "{ $domain }" is not a valid internet name ({ $reason })
address-no-dot = The domain "{ $domain }" has no dot: mail domains look like example.com
address-too-long = The email address is longer than 254 characters

## A provider's own advice, added to the advice for a cause

provider-access-smtp = sending from mail apps
provider-access-imap-pop = IMAP/POP access
provider-only-app-passwords = { $name } accepts only app passwords from mail apps, not the normal password.
provider-create-one-at = Create one at { $url }.
provider-also-refuses = { $name } also refuses the password while { $access } is switched off: check it at { $url }.
provider-settings-help = { $name }'s settings help: { $url }
provider-create-app-password-at = { $name }: create the app password at { $url }.
provider-help = { $name }'s help: { $url }
provider-switch-on = { $name }: switch { $access } on at { $url }.
provider-help-on-this = { $name }'s help on this: { $url }
provider-lockout = { $name } lifts such a block by itself, { $when }.
provider-max-connections = { $name } allows about { $count } connections per account at once.
provider-status = { $name } reports known outages at { $url }.
admin-authenticated-smtp = Ask your organisation's Microsoft 365 administrator to switch on "Authenticated SMTP" for your mailbox (Microsoft 365 admin center → Users → Active users → your name → Mail → Manage email apps), and to check that SMTP AUTH is not switched off for the whole organisation.
admin-password-sign-in-off = Microsoft 365 turned password sign-in off for mail apps: ask your organisation's administrator whether it can be allowed for your mailbox (IMAP, POP and "Authenticated SMTP" under Manage email apps, and the security defaults), or use a mail app that signs in through Microsoft's own page.
network-no-encryption = no encryption
network-port-refused = Port { $port } refuses connections; port { $other } on the same server works.
network-port-blocked = Port { $port } is blocked on this network (no answer); port { $other } on the same server works.
network-change-port = Change the port to { $other } with { $security } security.
network-other-port-silent = Port { $other } of the same server does not answer either.

## `mailsetup discover`: what was found, and where

trust-trusted = trusted
trust-dns = from DNS
trust-guess = guessed
trust-insecure = insecure source, needs confirmation
username-full-address = the full email address
username-local-part = the part before the @
username-other = a special username
discover-servers-for = Servers for { $email } (domain { $domain })
discover-provider = Provider: { $name } (recognised from { $matched })
discover-oauth2 = OAuth 2.0 sign-in: { $issuer } (named by { $via }; { $trust })
discover-app-passwords = App passwords are made at { $url }
discover-before-first = Before the first sign-in: { $step }
discover-username = { $protocol } username: { $form }
discover-note = Note: { $note }
discover-imap = Incoming mail, IMAP
discover-pop3 = Incoming mail, POP3
discover-smtp = Outgoing mail, SMTP
discover-user = user
discover-from = from { $sources }
discover-needs-confirmation = needs confirmation before the password goes there: { $question }
discover-nothing-found = (nothing found)
discover-disagree = Where sources disagree
discover-claim-recommended = { $says } (recommended), said by { $by }
discover-claim-not-recommended = { $says } (not recommended), said by { $by }
discover-sources = Sources
discover-status-found = found { $count }
discover-status-timed-out = timed out
discover-status-cut-short = stopped (trusted answer complete)
discover-none = none
discover-timing = first candidate after { $first }, finished after { $ms } ms
discover-why-no-such-name = { $place } does not exist
discover-why-lookup-failed = the name lookup for { $place } failed
discover-why-timeout = { $place } did not answer within { $seconds } s
discover-why-no-answer = no answer within { $seconds } s
discover-why-refused = nothing answers at { $place } (connection refused)
discover-why-connect = could not connect to { $place }
discover-why-tls = the secure connection to { $place } failed
discover-why-http-status = { $place } answered with HTTP error { $status }
discover-why-too-large = the answer from { $place } is too large
discover-why-redirects = { $place } redirects too often or in a loop
discover-why-insecure-redirect = { $place } redirects from HTTPS to unencrypted HTTP, which is not followed
discover-why-failed = the request to { $place } failed
discover-why-setup = the lookup could not start on this computer
discover-why-bad-file = the settings file at { $place } is not usable
## On-screen text of the command line (--json and the --report document stay English)
cli-error = error: { $message }
cli-warning = warning: { $message }
cli-no-runtime = could not start the async runtime: { $error }
cli-output-failed = could not write the output: { $error }
cli-force-hint = (--force removes the account from the list anyway)
cli-check-time-not-recorded = the check passed, but its time could not be recorded: { $error }
cli-check-diagnosis = { $summary } ({ $cause }, at: { $step })
cli-report-not-written = could not write the report to { $file }: { $error }
cli-json-not-written = could not write JSON: { $error }
server-line = { $protocol } { $endpoint } ({ $security }, user { $user })
accounts-label-incoming = incoming
accounts-label-outgoing = outgoing
accounts-label-also-ok = also ok
accounts-label-settings = settings
accounts-label-verified = verified
accounts-label-sign-in = sign-in
accounts-label-password = password
accounts-label-trusts = trusts
accounts-label-warning = warning
accounts-label-key = key
accounts-server-signed-in = { $server }, sign-in { $mechanism }
accounts-trusts-ca = the certificate authority in { $file }
accounts-plaintext = the password may be sent without encryption
accounts-pinned-key = trusted by fingerprint: { $pin }
source-kind-autoconfig = provider's autoconfig
source-kind-ispdb = ISP database
source-kind-srv = DNS SRV records
source-kind-mx = MX records
source-kind-guess = guessed host names
source-with-detail = { $source } ({ $detail })
report-text-server = { $server } — { $verdict } in { $ms } ms
report-label-cause = cause
report-label-advice = advice
report-label-server = server
report-label-detail = detail
report-label-trust = trust
report-label-by-hand = by hand
report-label-greeting = greeting
report-label-sign-in = sign-in
report-label-mailbox = mailbox
report-tls-not-completed = handshake not completed
report-tls-verified = { $version }, { $cipher }, certificate verified
report-tls-not-verified = { $version }, { $cipher }, certificate NOT verified
report-sign-in-offered = offered: { $mechanisms }
report-sign-in-used = used: { $mechanism }
report-sign-in-why = why:  { $reason }
report-mailbox-messages = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}
report-trust-pin = if this is your own server and the key above is its key: --pin-sha256 { $pin }
report-transcript = transcript:
report-round-trip = Round trip — { $verdict }
report-label-message = message
step-resolve = find server
step-connect = connect
step-tls = secure connection
step-greeting = server greeting
step-capabilities = capabilities
step-starttls = secure connection (STARTTLS)
step-authenticate = sign in
step-mailbox = open mailbox
step-logout = sign out
step-port-check = check what the port speaks
step-send-message = send a test message
step-find-message = find the test message
step-delete-message = delete the test message
step-network-check = check the network

## Testing, continued

testing-not-sent-unconfirmed = Your password was not sent to { $host }: confirm this server first.
testing-password-refused = The server did not accept the password.
testing-nothing-tested = No server could be tested.

## Sign in with the provider (OAuth 2.0)

oauth-sign-in-with = Sign in with { $provider }
oauth-sign-in-intro = { $provider } lets you sign in on its own page in your web browser instead of typing your password here.
oauth-waiting = Waiting for you in the browser… Finish signing in with { $provider } there.
oauth-cancel = Cancel sign-in
oauth-signed-in = Signed in with { $provider }.
oauth-cancelled = The sign-in was cancelled.
oauth-denied = Access was not allowed on the page of { $provider }. Start again and choose Allow when { $provider } asks whether mailsetup may use your mail.
oauth-wrong-account = Another account was chosen in the browser than the address you typed. Sign in again and pick the account for this address.
oauth-no-client-id = Signing in with { $provider } needs a client id: mailsetup must first be registered with { $provider } as a desktop app. Register it (the README explains how for Google and Microsoft), then give the id in the MAILSETUP_OAUTH_CLIENT_ID environment variable or in oauth.json in the configuration folder.
oauth-timeout = The sign-in was not finished in time. Start again and complete it in the browser.
oauth-failed = Signing in with { $provider } did not work.
oauth-details = What happened: { $summary }
oauth-use-code = Use a code on another device instead
oauth-browser-failed = The web browser could not be opened on this computer. Sign in with a code on another device instead.
oauth-code-asking = Asking { $provider } for a code…
oauth-code-open = On your phone or another computer, open this page:
oauth-code-copy-address = Copy address
oauth-code-enter = There, enter this code:
oauth-code-name = Code to enter: { $code }
oauth-code-copy = Copy code
oauth-code-expires = The code works for { $time } more.
oauth-code-expired-now = The code no longer works.
oauth-code-waiting = Waiting for approval…
oauth-code-expired = The code expired before it was entered. Get a new code and enter it soon after it is shown.
oauth-code-new = Get a new code
oauth-no-refresh-token = The provider gave no refresh token, so the sign-in could not be renewed later. Nothing was saved.
## Signing in through the provider's page (OAuth 2.0)

oauth-error-no-client-id = signing in with { $provider } through its page needs a client id registered with { $provider }, and none is configured
oauth-error-no-issuer = no OAuth 2.0 sign-in is known for { $provider }
oauth-error-unconfirmed-issuer = { $via } names { $issuer } as the place to sign in, but that file came over a connection that cannot vouch for it, so it is not used without your word
oauth-error-no-endpoint = { $issuer } does not offer { $what }
oauth-error-insecure = { $url } is not an HTTPS address; OAuth 2.0 needs an encrypted connection
oauth-error-malformed = { $url }: unexpected answer: { $detail }
oauth-error-denied = the sign-in was declined on the provider's page
oauth-error-wrong-state = the browser's answer does not belong to this sign-in (its state value differs)
oauth-error-device-code-expired = the code for the sign-in expired before it was approved
oauth-error-invalid-grant = the provider no longer accepts the saved sign-in
oauth-error-wrong-account = the provider signed in { $got }, not { $expected }
oauth-error-refused = { $url }: the provider refused: { $code }
oauth-error-timed-out = no answer from the sign-in within { $after }
oauth-error-browser = the browser could not be opened ({ $command }): { $detail }
oauth-error-listener = could not wait for the browser's answer on 127.0.0.1: { $detail }
oauth-error-provider-said = (the provider said: { $text })
oauth-error-no-client-id-advice = A program that signs in through a provider's page must be registered with that provider, which gives it a client id. Register mailsetup as a desktop app with the provider (the README explains how for Google and Microsoft), then give the id in the MAILSETUP_OAUTH_CLIENT_ID environment variable or with --oauth-client-id.
oauth-error-no-issuer-advice = This provider's sign-in page is not known to mailsetup. Use a password (or an app password) if the provider allows it, or give the provider's sign-in address with --oauth-issuer.
oauth-error-unconfirmed-issuer-advice = If { $issuer } really is your provider's sign-in, run again with --oauth-issuer { $issuer } (and the scopes with --oauth-scope); otherwise ask your provider where to sign in.
oauth-error-no-endpoint-advice = The provider does not offer this way of signing in. Try the other one (--browser, or without it the code shown on another device).
oauth-error-insecure-advice = Sign-in addresses must start with https://. Check the provider's sign-in address.
oauth-error-unreachable-advice = The provider's sign-in service could not be reached. Check the connection and try again.
oauth-error-refused-advice = The provider's sign-in service refused or answered oddly. Try again; if it keeps happening, the app's registration with the provider may be wrong (client id, allowed redirect or permissions).
oauth-error-denied-advice = Access was not allowed on the provider's page. Start again and choose Allow (or Accept) when the provider asks whether mailsetup may use your mail.
oauth-error-wrong-state-advice = The answer in the browser came from another sign-in attempt, or was tampered with. Close old sign-in tabs and start again.
oauth-error-device-code-expired-advice = The code was not entered in time. Start again and enter the new code soon after it is shown.
oauth-error-invalid-grant-advice = The saved sign-in has expired or was withdrawn (a changed password, or the app removed from the account's security settings). Sign in through the provider's page again.
oauth-error-wrong-account-advice = In the browser, another account was chosen than the address being set up. Sign in again and pick the right account (sign out of the other one in the browser first if needed).
oauth-error-timed-out-advice = The sign-in was not finished in time. Start again and complete it in the browser.
oauth-error-browser-advice = Open the address shown by hand in a web browser, or use the sign-in with a code (without --browser).
oauth-error-local-advice = Something on this computer stopped the sign-in. Try again, or use the sign-in with a code (without --browser).
oauth-cli-failed = Sign-in through the provider failed ({ $code }): { $summary }
oauth-cli-opening-browser = Opening the sign-in page of { $name } in the web browser; finish signing in there.
oauth-cli-open-by-hand = The browser could not be opened. Open this address by hand:
oauth-cli-no-device-flow = note: { $name } does not allow mail access with a code; if the sign-in is refused, use --browser.
oauth-cli-enter-code = To sign in, open { $url } and enter the code { $code }
oauth-cli-or-open = (or open { $url }, which has the code in it)
oauth-cli-waiting = Waiting for the sign-in to be approved …
oauth-cli-no-token-in-env = environment variable { $var } holds no token
oauth-cli-no-secret-in-env = environment variable { $var } holds no client secret
oauth-cli-issuer-needs-scopes = --oauth-issuer needs the scopes to ask for: give --oauth-scope
oauth-cli-issuer-discovered = Signing in at { $issuer }, named by { $via }
oauth-cli-discovered-needs-scopes = the sign-in that discovery found names no scopes: give them with --oauth-scope
oauth-cli-mechanism = "{ $text }": use oauthbearer or xoauth2
oauth-cli-renew-not-kept = warning: the provider renewed the sign-in, but the keychain could not keep it: { $error }
oauth-cli-no-refresh-token = not saved: the provider gave no refresh token, so the sign-in could not be renewed later (ask for offline access: the scope offline_access)
cause-oauth-scope-missing = The sign-in from the provider's page does not include permission to use mail.
cause-oauth-scope-missing-advice = Sign in through the provider's page again and allow access to mail when it asks. If the permission is not offered, the app's registration with the provider lacks it.
cause-oauth-token-rejected = The server did not accept the sign-in from the provider's page (its access token was refused).
cause-oauth-token-rejected-advice = Sign in through the provider's page again. If it keeps failing, the sign-in may belong to another account than this address, or the provider may have withdrawn this app's access: check the apps allowed in the account's security settings.
cause-oauth-scope-asked = The server asks for the permission (scope) "{ $scope }".
cause-oauth-names-service = It names its sign-in service at { $url }.

## What a screen reader hears beyond the visible text

window-title = Mail Setup
a11y-scroll-page = Scroll the page
a11y-scroll-transcript = Scroll the transcript
a11y-status-line = { $label }: { $status }
a11y-test-line = { $role } — { $item }: { $status }

## Why the keychain could not keep the password (the Done page)

keychain-problem = { $store }: { $reason }.
keychain-no-session-bus = the Secret Service cannot be reached: there is no D-Bus session bus ({ $detail })
keychain-no-session-bus-advice = Run mailsetup inside your desktop session, or start a session bus with a keyring daemon in it (dbus-run-session); or save the password in the kernel keyring (keyutils) instead.
keychain-no-secret-service = no Secret Service is running on the session bus ({ $detail })
keychain-no-secret-service-advice = Install and start GNOME Keyring (gnome-keyring-daemon) or KWallet with its Secret Service interface turned on; or save the password in the kernel keyring (keyutils) instead.
keychain-locked = the keyring is locked and could not be unlocked here (no unlock prompt could be shown, or it was dismissed)
keychain-locked-advice = Unlock it — log in to the desktop, or open "Passwords and Keys" — and try again.
keychain-no-default-keyring = the Secret Service has no default keyring yet and could not ask you to create one (no prompt could be shown)
keychain-no-default-keyring-advice = Create one in "Passwords and Keys" (Seahorse), or start gnome-keyring-daemon with --unlock, and try again.
keychain-access-denied = the { $store } refused mailsetup access to its passwords ({ $detail })
keychain-access-denied-advice = Allow mailsetup in the keychain's settings and try again.
keychain-no-session-keyring = the kernel keyring (keyutils) has no usable session keyring in this login session
keychain-no-session-keyring-advice = Run mailsetup from a normal login session, or start one with `keyctl session -`.
keychain-not-found = the { $store } has no password for { $entry }
keychain-not-found-advice = Save the account again to store it.
keychain-unsupported = the { $store } is not available on this system
keychain-unsupported-advice = Use the { $default }.
keychain-too-long = the password is too long for the { $store } ({ $detail })
keychain-too-long-advice = Save it in another keychain.
keychain-bad-encoding = the password the { $store } holds for { $entry } is not valid text
keychain-bad-encoding-advice = Save the account again.
keychain-failed = the { $store } failed: { $detail }
keychain-failed-advice = Try again; if it fails again, log out of the desktop and in again.
keychain-task = the keychain task stopped unexpectedly: { $detail }
keychain-task-advice = Try again.

## Store errors on the command line (`accounts`, `diagnose --save`); `keychain-words` joins a keychain error's reason and advice

keychain-words = { $reason }. { $advice }
store-invalid = the account cannot be saved: { $detail }
store-not-found = no saved account has the id "{ $id }" (`mailsetup accounts list` shows them)
store-wrong-keychain = account "{ $id }" keeps its password in the { $saved_in }, not in the { $given }: use --keychain { $word }
store-rollback-failed = { $cause }. Putting the keychain back as it was failed as well ({ $undo }): remove the entry { $entry } by hand in the keychain manager
store-no-config-dir = no configuration folder could be found for this user (no home folder?): pass --config-dir DIR or set { $env }
store-task = the storage task stopped unexpectedly: { $detail }
store-cancelled = saving was cancelled; nothing was saved

## Network checks (IPv4 / IPv6) and lockouts of the provider table

network-attempt-connected = works
network-attempt-refused = refuses the connection
network-attempt-no-route = has no route from this computer
network-attempt-unreachable = is unreachable
network-attempt-no-answer = does not answer
network-attempt-failed = fails
network-family-result = { $family } { $result }
network-family-summary = { $summary } ({ $results }.)
network-family-warning = { $broken } to this server { $result } ({ $address }); { $works } works. Programs that try { $broken } first may connect slowly or not at all: tell the network's administrator or the mail provider.
provider-gmail-lockout = usually within an hour and at the latest after 24 hours

## Where discovery sources disagree

discover-disagree-username = Sources name different usernames for { $server }; the one from the most trusted source is tried.
discover-disagree-security = Sources disagree on whether { $protocol } on { $host }:{ $port } starts with TLS or upgrades with STARTTLS; both are tried and the live test shows which one the server speaks.
discover-disagree-port = Sources name different ports for { $protocol } on { $host }; the best-ranked one is tried first and the live test decides.
provider-spectrum-disputed-1 = Port 110 is POP3's unencrypted (STLS) port, so "110 with SSL" cannot work as written; POP3 over TLS uses 995, and the current server is mobile.charter.net:995. pop.charter.net:110 was also dropped from Mozilla's ISPDB in 2023.
provider-spectrum-disputed-2 = Port 143 is IMAP without encryption (STARTTLS at best); Spectrum's servers are reached on 993 with TLS from the start.
provider-spectrum-disputed-1-by = a widely copied Spectrum settings article
provider-spectrum-disputed-2-by = a widely copied Spectrum settings article
provider-spectrum-server-3-per = Mozilla ISPDB
provider-spectrum-server-4-per = Spectrum's help pages

## The command line's errors

cli-password-prompt = Password:
cli-password-empty = the password is empty
cli-env-not-set = environment variable { $var } is not set
cli-env-not-utf8 = environment variable { $var } is not valid UTF-8
cli-password-stdin-failed = could not read the password from standard input: { $error }
cli-no-terminal = no password given and no terminal to ask on: use --password-stdin or --password-env VAR
cli-password-prompt-failed = could not read the password from the terminal: { $error }
cli-timeout-invalid = --timeout must be a number of seconds above 0 and at most 600, not { $value }
cli-not-saved-unverified = not saved: not every server verified
cli-not-saved = not saved: { $error }

## `accounts list`: an account that signs in through its provider's page

accounts-oauth-sign-in = OAuth 2.0 with { $issuer } (client { $client }); the refresh token is in the { $keychain }

## Round trip and OAuth safety

roundtrip-summary-left-flagged = The test message arrived in the inbox { $seconds } after it was sent. It is left flagged as deleted; your mail program removes it when it next cleans up. Removing it now would also have removed other messages you have marked as deleted.
roundtrip-left-flagged = left flagged as deleted; your mail program removes it when it next cleans up
report-label-sign-ins = sign-ins
oauth-error-redirect-refused = { $url } answered with a redirect; it was not followed, so nothing was sent on to another address
oauth-error-redirect-refused-advice = A sign-in service that sends token requests elsewhere is misconfigured or not the provider's own. Check the issuer address (--oauth-issuer) and ask the provider which address to use.
## Boundaries and consent

discover-why-bad-host = the settings from { $place } name a server that is not a valid host name, so they were refused
discover-why-bad-issuer = the settings file at { $place } names a sign-in server that is not an https address of a valid host name, so it was refused
discover-why-private-redirect = { $place } redirected to an address on this computer or its local network, which is not followed
cli-plaintext-needs-host = --allow-plaintext without a host covers the servers given with --imap, --pop3 or --smtp; for discovered servers name the host: --allow-plaintext HOST
cli-plaintext-bad-host = --allow-plaintext { $host }: give a host name
keychain-no-answer = the { $store } did not answer within { $seconds } s
keychain-no-answer-advice = If a window asks for a password to unlock it, answer it, then try again; if nothing asks, log out of the desktop and in again.
accounts-entries-elsewhere = the keychain entries of { $id } were saved from another configuration folder (this one was copied or moved): the copy and its original share them, so removing or saving the account here changes them there too
## Hand-off: the account in other mail programs (src/export, src/flow/export.rs, src/cli/export.rs, the Done page)

export-format-tfa = Thunderbird for Android QR code
export-format-dclogin = Delta Chat QR code
export-format-mobileconfig = Apple configuration profile
export-format-autoconfig = autoconfig file
export-oauth-not-carried = the { $format } cannot carry an account that signs in through its provider (OAuth 2.0): sign in with the provider on the other device
export-non-ascii-address = the { $format } carries only addresses written in plain ASCII letters, and { $address } is not
export-password-required = the { $format } always holds the password, so it is made only when you include the password
export-imap-required = the { $format } needs an IMAP server, and none verified for this POP3 account
export-bad-host = “{ $host }” is not a server name a mail program can use
export-control-character = the { $field } contains a control character (such as a line break)
export-field-name = name
export-field-address = email address
export-field-incoming-host = incoming server name
export-field-outgoing-host = outgoing server name
export-field-incoming-user = incoming user name
export-field-outgoing-user = outgoing user name
export-field-password = password
export-invalid = the account cannot be exported: { $reason }
export-too-large = the code would hold { $bytes } bytes, more than a QR code can ({ $max })
export-png-failed = the QR picture could not be made: { $reason }
export-sign-unreadable = { $path }: { $reason }
export-sign-no-openssl = openssl, which signs the profile, could not be started ({ $reason }): install it (Debian: apt-get install openssl)
export-sign-failed = openssl could not sign the profile: { $reason }
export-sign-timed-out = openssl did not finish signing within { $seconds } seconds
export-profile-mail-name = Mail: { $email }
export-profile-name = Mail account { $email }
export-profile-description = Adds the mail account { $email } to Mail with the settings Mail Setup verified.
export-not-written = could not write { $path }: { $reason }
export-password-warning = Anyone who sees this code or file can read and send your mail.
export-cli-goa-flags = --out, --payload and --sign-* do not apply to --format goa
export-cli-payload-qr-only = --payload is for the QR formats (tfa-qr, dclogin-qr)
export-cli-sign-profile-only = --sign-cert and --sign-key sign a mobileconfig profile only
export-cli-autoconfig-no-password = an autoconfig file serves the whole domain and never holds a password: leave out --with-password
export-cli-oauth-no-password = this account signs in through its provider: no password is exported, the other device signs in itself
export-cli-qr-caption = { $format }: QR version { $version } ({ $size }×{ $size } modules). Scan it with the app.
export-cli-unsigned = The profile is not signed: devices show it as “Not Verified”. Sign it with --sign-cert and --sign-key.
export-cli-written = Wrote the { $format } to { $path }.
export-cli-publish-at = Publish the file at:
export-cli-srv-records = Or publish these DNS SRV records (RFC 6186) in the domain's zone:
export-cli-goa-added = Added to GNOME Online Accounts: { $path }
handoff-heading = Use this account on other devices and apps
handoff-phone = Your phone
handoff-thunderbird = Thunderbird
handoff-deltachat = Delta Chat
handoff-thunderbird-hint = In Thunderbird on your phone, choose to import the settings from another device and scan this code.
handoff-deltachat-hint = In Delta Chat, add an account, choose to scan a code, and scan this one.
handoff-include-password = Include my password in the code
handoff-include-password-profile = Include my password in the profile
handoff-show-code = Show code
handoff-hide-code = Hide code
handoff-code-hidden = This code holds your password, so it stays hidden until you choose to show it.
handoff-making = Making the code…
handoff-qr-name = QR code for { $format }
handoff-apple = iPhone, iPad or Mac
handoff-apple-hint = A profile file: open it on the device and confirm it in Settings. It is not signed, so the device marks it “Not Verified”.
handoff-save-profile = Save profile…
handoff-gnome = GNOME (Evolution, Geary)
handoff-gnome-hint = Adds the account to the desktop's online accounts, where GNOME's mail programs find it.
handoff-gnome-add = Add
handoff-gnome-added = Added to GNOME Online Accounts.
handoff-admin = For your domain's administrator
handoff-admin-hint = An autoconfig file: published on the domain's web server, it lets mail programs find these settings by themselves.
handoff-save-autoconfig = Save autoconfig…
handoff-saved = Saved to { $path }.
handoff-not-saved = Not saved: { $reason }
handoff-save-title = Save the file

## GNOME Online Accounts

goa-not-available = GNOME Online Accounts exists only on Linux desktops
goa-not-available-advice = Take the account to your other apps with the QR code or the configuration file instead.
goa-no-session-bus = no desktop session was found to reach GNOME Online Accounts ({ $reason })
goa-no-session-bus-advice = Run this from a terminal inside your desktop session (not over SSH and not as another user).
goa-not-installed = GNOME Online Accounts is not installed on this computer
goa-not-installed-advice = Install it (Debian and Ubuntu: apt install gnome-online-accounts) and try again, or add the account in your mail app by hand.
goa-not-running = GNOME Online Accounts did not start or did not answer: { $reason }
goa-not-running-advice = Log out and back in, then try again.
goa-oauth = { $email } signs in through its provider (OAuth), but GNOME's "IMAP and SMTP" accounts only take a password
goa-oauth-advice = Add the account in Settings → Online Accounts with its provider's own entry (for example Google or Microsoft 365).
goa-pop3 = { $email } receives mail with POP3, and GNOME Online Accounts has IMAP only
goa-pop3-advice = Set the account up again with IMAP, or add it in your mail app by hand.
goa-already-exists = GNOME Online Accounts already has an account for { $email }; nothing was added
goa-already-exists-advice = To replace it, remove the old one in Settings → Online Accounts first.
goa-refused = GNOME Online Accounts refused the account: { $message }
goa-password-not-stored = GNOME Online Accounts could not keep the password in the keyring ({ $reason }), so the account was removed again
goa-password-not-stored-kept = GNOME Online Accounts could not keep the password in the keyring ({ $reason }), and the unfinished account could not be removed: remove it in Settings → Online Accounts
goa-password-not-stored-advice = Unlock the keyring (log in to the desktop, or open "Passwords and Keys") and try again.
goa-timeout = GNOME Online Accounts did not answer ({ $step }) within { $seconds } seconds
goa-timeout-advice = If a keyring window is waiting for your password, answer it, then try again.
goa-unexpected = GNOME Online Accounts answered { $step } in a way this version of Mail Setup does not understand: { $detail }
goa-invalid = this account cannot be handed on: { $detail }
## Window polish

password-paste-refused = The pasted text has a line break inside, which no mail server accepts in a password, so it was not pasted. Copy the password alone and paste again.
password-space-start = Your password begins with a space. If that is not part of it, remove it.
password-space-end = Your password ends with a space. If that is not part of it, remove it.
password-space-both = Your password begins and ends with a space. If they are not part of it, remove them.
problems-count = { $count ->
    [one] One field needs attention.
   *[other] { $count } fields need attention.
}
consent-suggested = suggested — not tested yet
manual-suggested = { $host } is a suggestion from the usual names, not tested yet.
cli-check-no-accounts = no account is saved in { $folder }: nothing to check
cli-check-which = more than one account is saved ({ $ids }): name the one to check
replace-question = Replace the saved account for { $email }? An account for this address is saved already ({ $id }); saving now puts these settings and this password in its place.
replace-confirm = Replace the saved account
replace-looking = Checking whether an account is saved for this address already… Saving follows as soon as the answer is in.
manual-browse = Browse…
manual-browse-title = Certificate authority file
manual-ca-in-effect-file = In effect: the system's certificate authorities and { $file }.
manual-ca-in-effect-environment = In effect: the system's certificate authorities and { $file } (from MAILSETUP_CA_FILE).
manual-ca-in-effect-system = In effect: the system's certificate authorities only.
## Platforms

platform-verifier-unavailable = this system's certificate verification could not be set up ({ $detail }); give the server's CA certificate with --ca-file to verify with it alone
platform-trust-caller-only = Note: this system's certificate verification could not be set up ({ $detail }). Certificates are checked against the given CA file alone: chain, signatures, dates, server name and purpose, but no revocation look-up and not the system's list of distrusted certificates.
cause-certificate-check-unavailable = This computer's certificate verification does not work, so the server's certificate could not be checked.
cause-certificate-check-unavailable-advice = Nothing was sent to the server. Give the server's CA certificate (--ca-file, or "Trust this server's key" in the window) to check it with that alone, or run the test on a computer whose certificate verification works (this happens under wine, not on Windows itself).

# scram-wire: SCRAM sign-in proves interception (issue 25)
cause-tls-intercepted-proven = Something between this computer and the mail server opened its own encrypted connection to the server: the sign-in proved it. The password itself was not sent.
cause-tls-intercepted-proven-advice = Do not sign in over this network until you know what is in between. Switch off the scanning of encrypted connections (or of e-mail) in your security software, or try another network (for example your phone's hotspot). If this is a company network, ask IT whether they inspect mail connections.

# pacc: PACC, autoconfig 1.2 and JMAP noticed (issue 24 §2–§4)
source-pacc = the domain's digest-checked configuration file (PACC)
source-jmap = JMAP check (.well-known and SRV)
discover-jmap-offered = This provider also offers JMAP (seen at { $seen }). mailsetup does not sign in over JMAP yet; it sets up IMAP or POP3 with SMTP.
discover-why-pacc-no-digest = the configuration file at { $place } was not used: { $name } publishes no digest in DNS that could confirm it
discover-why-pacc-mismatch = the configuration file at { $place } was not used: it does not match the digest published at { $name }, so it may not be the provider's
protocol-jmap-offered = This provider also offers JMAP, a newer way for mail apps to talk to the server. mailsetup cannot sign in over JMAP yet, so choose IMAP or POP3 here.
discover-other-services = Also listed by the provider, not set up by mailsetup: { $services }
discover-sasl = sign-in mechanisms the provider names: { $mechanisms }
## Branch autodiscover: Microsoft Autodiscover and Microsoft 365

source-autodiscover = Microsoft Autodiscover
discover-exchange-only = { $domain } offers Microsoft Exchange (Outlook's own connection) and names no IMAP, POP3 or SMTP server. IMAP may still be switched on there; the usual server names are tried as well.
vouch-autodiscover = named by Microsoft Autodiscover over a verified connection
# settle: testing while discovery still runs
early-switched = { $source } named a better-placed server, { $host }: testing that one instead.
## oauth-public: signing in with no pre-registered client (src/oauth/register.rs, metadata.rs)

oauth-error-no-registration = signing in with { $provider } needs a client id, none is configured, and { $issuer } does not let apps register themselves (its metadata names no registration endpoint)
oauth-error-no-registration-advice = This provider expects apps to be registered with it in advance. Ask the provider for a client id for mailsetup and give it with --oauth-client-id or the MAILSETUP_OAUTH_CLIENT_ID environment variable, or sign in with a password if the provider allows it.
oauth-error-registration-refused = { $url }: the provider refused to register mailsetup: { $code }
oauth-error-registration-refused-advice = The provider would not let mailsetup register itself as a desktop app. Ask the provider for a client id for mailsetup and give it with --oauth-client-id, or sign in with a password if the provider allows it.
oauth-error-not-public-client = { $url } registered mailsetup as a client that must sign in with { $method }, not as a public app
oauth-error-issuer-mismatch = { $url } names the issuer { $named }, not { $expected }, so its endpoints are not used
oauth-error-issuer-mismatch-advice = The sign-in server's description belongs to another server, so nothing was sent to it. Check the sign-in address (--oauth-issuer, or the one your provider's configuration names) with your provider.
oauth-cli-registered = No client id is configured for { $name }: mailsetup registered itself there as the app { $id }.
oauth-cli-registered-browser = An app registered this way signs in through the browser.
accounts-label-registered = registered
accounts-oauth-registered = by mailsetup itself at { $endpoint }, as no client id was configured
accounts-label-resource = tokens for
