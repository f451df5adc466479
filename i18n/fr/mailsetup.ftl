# Mail Setup — français.

## Units and numbers

unit-under-1-ms = moins de 1 ms
unit-ms = { $value } ms
unit-seconds = { $value } s

## Window frame and buttons

header-step = · étape { $step } sur { $steps }
page-account = Votre compte
page-lookup = Recherche de votre fournisseur
page-protocol = Comment voulez-vous lire vos e-mails ?
page-testing = Test de vos paramètres
page-manual = Paramètres manuels
page-done = Terminé
page-done-keychain-failed = Impossible d'enregistrer le mot de passe
page-done-file-failed = Enregistrement impossible
page-done-saving = Enregistrement
nav-next = Suivant
nav-back = Retour
nav-cancel = Annuler
nav-close = Fermer
nav-try-again = Réessayer
nav-set-up-manually = Configurer manuellement
nav-save-account = Enregistrer le compte
nav-test-settings = Tester les paramètres
nav-add-another = Ajouter un autre compte
language-label = Langue
role-incoming = Courrier entrant
role-outgoing = Courrier sortant

## Page 1: your account

account-intro = Saisissez l'adresse et le mot de passe de votre messagerie. Nous trouverons les bons serveurs et les testerons avant de rien enregistrer.
account-name = Votre nom (facultatif)
account-name-hint = tel que les autres le verront
account-email = Adresse e-mail
account-did-you-mean = Vouliez-vous dire { $suggestion } ?
account-use-suggestion = Utiliser { $suggestion }
account-password = Mot de passe
account-show-password = Afficher le mot de passe
account-password-problem = { $problem } Corrigez le mot de passe, puis cliquez sur Suivant pour refaire le test.
account-password-missing = Saisissez votre mot de passe.
account-not-ready = Saisissez votre adresse et votre mot de passe pour continuer.
password-line-break = Le mot de passe contient un saut de ligne, qui ne peut pas être envoyé à un serveur de messagerie (un copier-coller en ajoute souvent un).
password-nul = Le mot de passe contient un caractère NUL, qui ne peut pas être envoyé à un serveur de messagerie.
note-before-you-start = Avant de commencer : { $step }
note-app-password-here = Créez un mot de passe d'application ici :

## Page 2: looking up the provider

lookup-asking = Nous interrogeons tous les endroits qui peuvent connaître les serveurs de messagerie de { $domain }. Cela prend en général quelques secondes.
lookup-nothing-found = Nous n'avons pas trouvé de paramètres complets pour { $domain }.
lookup-nothing-found-advice = Vérifiez que l'adresse ne contient pas de faute de frappe, ou saisissez les serveurs vous-même : les pages d'aide de votre fournisseur les indiquent.
lookup-failed = La recherche n'a pas pu être lancée.
lookup-waiting = en attente
lookup-found = { $count ->
    [one] 1 serveur trouvé
   *[other] { $count } serveurs trouvés
}
lookup-nothing = rien
lookup-source-failed = échec : { $why }
lookup-not-needed = inutile
lookup-starting = Démarrage…

## Page 3: IMAP or POP3

protocol-intro = Dites-nous comment vous lisez vos e-mails et nous vous proposerons la méthode adaptée :
protocol-one-device = Je lis ces e-mails sur un seul ordinateur
protocol-offline = J'ai souvent besoin de mes e-mails sans connexion internet
protocol-imap-title = IMAP — les e-mails restent sur le serveur, identiques partout
protocol-pop3-title = POP3 — les e-mails sont téléchargés sur cet ordinateur
protocol-recommended = { $title } (recommandé)
protocol-not-available = Non disponible : { $why }
protocol-server = Serveur : { $endpoint } ({ $security })
protocol-our-suggestion = Notre conseil
protocol-provider-says = Ce que dit votre fournisseur
protocol-confirm-first = Confirmez d'abord les serveurs indiqués sur la page.
protocol-imap-text = Vos e-mails restent sur le serveur du fournisseur et cette application les affiche depuis celui-ci. Téléphone, ordinateur portable et webmail voient les mêmes messages, dossiers et marques de lecture, et un message supprimé sur l'un disparaît partout. La plupart des actions demandent une connexion au serveur ; les e-mails récents sont en général gardés pour une lecture hors ligne.
protocol-pop3-text = Les nouveaux e-mails sont téléchargés sur cet ordinateur, et l'application peut en laisser une copie sur le serveur ou non. Tout ce qui est téléchargé se lit sans connexion. Mais les dossiers, les marques de lecture et les e-mails envoyés restent uniquement sur cet ordinateur : les autres appareils ne les verront pas.
protocol-no-imap = Ce fournisseur ne propose pas IMAP (aucun des endroits interrogés n'indique de serveur IMAP) : depuis cette application, les e-mails ne peuvent donc pas rester synchronisés entre vos appareils.
protocol-no-pop3 = Ce fournisseur ne propose pas POP3 (aucun des endroits interrogés n'indique de serveur POP3) : ici, les e-mails se lisent donc en IMAP.
protocol-why-pop3-only = POP3 est le seul moyen proposé par ce fournisseur pour lire vos e-mails.
protocol-why-pop3-one-device-offline = Vous lisez vos e-mails sur un seul appareil et souvent sans connexion : POP3 garde tout sur cet ordinateur, prêt à être lu hors ligne. Choisissez plutôt IMAP si vous comptez ajouter un téléphone plus tard.
protocol-why-pop3-one-device = Vous lisez vos e-mails sur un seul appareil : POP3 garde tout sur cet ordinateur, prêt à être lu hors ligne. Choisissez plutôt IMAP si vous comptez ajouter un téléphone plus tard.
protocol-why-pop3-offline = Vous lisez souvent vos e-mails sans connexion : POP3 garde tout sur cet ordinateur, prêt à être lu hors ligne. Choisissez plutôt IMAP si vous comptez ajouter un téléphone plus tard.
protocol-why-imap-provider = POP3 pourrait convenir à votre façon de lire vos e-mails, mais votre fournisseur demande IMAP : nous recommandons donc IMAP ici.
protocol-why-imap = IMAP convient à la plupart des gens : vos e-mails sont les mêmes sur tous vos appareils, et rien n'est perdu si cet ordinateur tombe en panne.
stance-spectrum = Spectrum demande aux logiciels de messagerie d'utiliser IMAP. Son service POP3 répond encore, mais Spectrum le considère comme l'ancienne méthode.

## Who gets the password

consent-heading = Votre mot de passe sera envoyé à
consent-recipient = { $role } : { $host } — { $from }
consent-unvouched = Rien de la part de votre fournisseur ne confirme ce serveur. N'y envoyez votre mot de passe que si vous vous y attendiez.
consent-send-to = Envoyer mon mot de passe à { $host }
consent-problem = Confirmez chaque serveur signalé ci-dessous avant que votre mot de passe lui soit envoyé.

## Page 4: testing

check-find-server = Trouver le serveur
check-connect = Se connecter
check-secure = Connexion sécurisée
check-greeting = Accueil du serveur
check-sign-in = Identification
check-sign-out = Déconnexion
row-waiting = en attente
row-running = en cours
row-done = fait
row-failed = échec
row-not-reached = non atteint
row-skipped = ignoré
row-stopped = arrêté
testing-both-work = Les deux serveurs fonctionnent. Cliquez sur « Enregistrer le compte » pour garder ces paramètres.
testing-settings-from = Paramètres trouvés via : { $sources }
testing-server-heading = { $role } — { $protocol } { $endpoint } ({ $security }, utilisateur { $user })
testing-not-started = Le test n'a pas pu démarrer.
testing-warning = Attention : { $text }
testing-server-said = Le serveur a répondu :
testing-candidates = Serveurs trouvés, vérifiés sans votre mot de passe :
testing-answers = répond
testing-no-answer = pas de réponse
testing-details = Détails ({ $role })
testing-cause-code = Code de la cause : { $code }
testing-greeting = Accueil : { $greeting }
testing-connected-to = Connecté à { $address }
testing-certificate-verified = certificat vérifié
testing-certificate-not-verified = certificat NON vérifié
testing-certificate-for = Certificat pour { $names } émis par { $issuer }, valable jusqu'au { $until }
testing-transcript = Échanges (mot de passe retiré)
action-fix-password = Corriger le mot de passe
action-create-app-password = Créer un mot de passe d'application
action-enter-app-password = Saisir un mot de passe d'application
action-try-security = Essayer { $security } sur le port { $port }
action-try-another-server = Essayer un autre serveur
action-edit-settings = Modifier les paramètres
action-retry = Réessayer

## The server's certificate

cert-title = Le certificat du serveur
cert-trust-explained = S'il s'agit de votre propre serveur (ou si son responsable vous a confirmé l'empreinte de la clé), vous pouvez faire confiance à cette clé pour { $host }:{ $port } uniquement. Son nom et ses dates restent vérifiés, et vous serez averti si la clé change un jour.
cert-trust-key = Faire confiance à la clé de ce serveur
cert-no-names = (aucun)
cert-valid-range = du { $from } au { $until }
cert-subject = Titulaire
cert-issued-by = Émis par
cert-names = Noms
cert-valid = Validité
cert-sha256 = SHA-256 du certificat
cert-spki-sha256 = SHA-256 de la clé publique

## Sending a test message to oneself

roundtrip-option = M'envoyer un message de test
roundtrip-option-help = Une fois les deux serveurs fonctionnels, un vrai message part de votre adresse vers elle-même ; il est supprimé dès son arrivée.
roundtrip-step-send = Envoyer un message de test
roundtrip-step-wait = L'attendre dans la boîte de réception
roundtrip-step-delete = Le supprimer
roundtrip-sending = envoi
roundtrip-sent = envoyé
roundtrip-sent-in = envoyé en { $seconds }
roundtrip-queue-id = (identifiant de file { $queue })
roundtrip-waiting = en attente
roundtrip-arrived-after = arrivé après { $seconds }
roundtrip-deleted = supprimé
roundtrip-not-deleted = n'a pas pu être supprimé
roundtrip-not-arrived-within = pas arrivé en { $seconds }
roundtrip-not-sent = non envoyé
roundtrip-not-searched = impossible de chercher dans la boîte de réception
roundtrip-summary-arrived = Le message de test est arrivé dans la boîte de réception { $seconds } après l'envoi et a été supprimé.
roundtrip-summary-arrived-not-deleted = Le message de test est arrivé dans la boîte de réception { $seconds } après l'envoi ; il n'a pas pu être supprimé, supprimez-le vous-même, s'il vous plaît.
roundtrip-summary-not-arrived = Le serveur d'envoi a accepté le message de test, mais il n'était pas dans la boîte de réception après { $seconds }. Regardez dans le dossier spam ou courrier indésirable et vérifiez les filtres et les règles de transfert du compte ; s'il arrive plus tard, vous pourrez le supprimer.
roundtrip-summary-not-arrived-queue = Le serveur d'envoi a accepté le message de test (identifiant de file { $queue }), mais il n'était pas dans la boîte de réception après { $seconds }. Regardez dans le dossier spam ou courrier indésirable et vérifiez les filtres et les règles de transfert du compte ; s'il arrive plus tard, vous pourrez le supprimer.
roundtrip-summary-not-sent = Le message de test n'a pas pu être envoyé : { $summary } { $advice }
roundtrip-summary-not-checked = Le message de test a été envoyé, mais impossible de chercher dans la boîte de réception : { $summary } { $advice }

## Reports for a technician

report-copy = Copier le rapport
report-copy-hover = Copier le rapport de test (Markdown, mot de passe retiré) pour une demande d'assistance
report-save = Enregistrer le rapport…
report-save-hover = Enregistrer le rapport de test (Markdown, mot de passe retiré) dans un fichier
report-save-title = Enregistrer le rapport
report-no-dialog = aucune fenêtre de choix de fichier n'a pu s'ouvrir ici (il faut le portail du bureau ou zenity) ; utilisez plutôt Copier le rapport.
report-technician-view = Vue technicien
report-technician-view-hover = Afficher en direct les échanges avec le serveur (mot de passe retiré)
report-live-transcript = Échanges avec le serveur, en direct ({ $role }, mot de passe retiré)
report-nothing-yet = (rien pour l'instant)
report-copied = Le rapport est dans le presse-papiers (mot de passe retiré).
report-saved = Rapport enregistré dans { $path }.
report-not-saved = Le rapport n'a pas été enregistré : { $why }

## Page 5: manual settings

manual-intro = Les pages d'aide de votre fournisseur indiquent ces paramètres. Le nom d'utilisateur est en général votre adresse e-mail complète.
manual-incoming-protocol = Protocole de réception :
manual-incoming-server = Serveur de réception
manual-incoming-port = Port de réception
manual-incoming-user = Utilisateur (réception)
manual-outgoing-server = Serveur d'envoi
manual-outgoing-port = Port d'envoi
manual-outgoing-user = Utilisateur (envoi)
manual-security = Sécurité :
manual-security-none = Aucune (risqué)
manual-accept-plaintext = Envoyer mon mot de passe sans chiffrement. Je comprends que n'importe qui sur le réseau entre moi et le serveur (Wi-Fi public, fournisseur d'accès) peut le lire, ainsi que mes e-mails.
manual-accept-plaintext-to = Envoyer mon mot de passe sans chiffrement à { $hosts }. Je comprends que n'importe qui sur le réseau entre moi et ce serveur (Wi-Fi public, fournisseur d'accès) peut le lire, ainsi que mes e-mails.
manual-extra-ca-section = Autorité de certification (serveurs d'entreprise)
manual-extra-ca-intro = Seulement si votre service informatique vous a fourni un fichier de certificat pour son propre serveur de messagerie.
manual-extra-ca-file = Fichier de l'autorité de certification (PEM)
manual-accept-extra-ca = Faire confiance à tous les certificats signés par cette autorité. Qui détient sa clé peut lire les connexions de cette application vers ces serveurs.
manual-http-warning = Obtenu en HTTP non chiffré : n'importe qui sur le réseau a pu modifier les paramètres de { $host }. Vérifiez-les auprès de votre fournisseur avant le test.
manual-needs-attention = Certains paramètres sont à vérifier.
manual-problem-host-missing = Saisissez le nom du serveur, par exemple imap.example.com.
manual-problem-host-invalid = « { $host } » n'est pas un nom de serveur.
manual-problem-port = Le port est un nombre de 1 à 65535.
manual-problem-username = Saisissez le nom d'utilisateur (en général l'adresse e-mail complète).
manual-problem-plaintext = Sans chiffrement, votre mot de passe traverse le réseau lisible par quiconque sur le chemin. Cochez la case pour confirmer que c'est bien ce que vous voulez.
manual-problem-extra-ca = Cochez la case pour confirmer que vous faites confiance à cette autorité de certification.

## Page 6: done

done-saving = Enregistrement : le mot de passe dans le trousseau, puis le fichier du compte…
done-set-up = { $email } est configuré.
done-account-file = Fichier du compte
done-password-stored-in = Mot de passe enregistré dans
done-account-id = Identifiant du compte
done-password-only-in-keychain = Le mot de passe est uniquement dans le trousseau, jamais dans le fichier du compte.
done-no-keychain = Le mot de passe n'a pas pu être enregistré : aucun trousseau n'est disponible.
done-nothing-saved = Rien n'a été enregistré. mailsetup n'écrit jamais votre mot de passe dans un fichier à la place.
done-what-you-can-do = Ce que vous pouvez faire :
done-use-keyutils = Utiliser le trousseau du noyau Linux
done-use-keyutils-hover = Le trousseau du noyau Linux (keyutils) garde les mots de passe dans la mémoire du noyau, pas sur le disque.
done-keyutils-note = Le trousseau du noyau garde les mots de passe en mémoire, pas sur le disque : selon le système, il peut les oublier à la déconnexion ou au redémarrage, et les logiciels de messagerie vous les redemanderont alors.
done-file-failed = Le fichier du compte n'a pas pu être écrit.
done-file-failed-rolled-back = Le mot de passe a été retiré du trousseau, rien n'est donc enregistré à moitié.

## Why a test failed: one sentence, then what to do (one pair per cause code)

cause-dns-not-found = Ce nom de serveur n'existe pas.
cause-dns-not-found-advice = Vérifiez que le nom du serveur ne contient pas de faute de frappe. Les pages d'aide de votre fournisseur indiquent le bon.
cause-dns-failed = Le nom du serveur n'a pas pu être recherché.
cause-dns-failed-advice = Vérifiez votre connexion (Wi-Fi, câble ou données mobiles), puis réessayez. Si les sites web s'ouvrent, les serveurs de noms de votre réseau ou de votre fournisseur ont peut-être un problème.
cause-connection-refused = Le serveur a refusé la connexion sur ce port.
cause-connection-refused-advice = Le port est sans doute faux, ou le service est désactivé. Vérifiez le numéro de port dans les paramètres de votre fournisseur.
cause-network-unreachable = Cet ordinateur n'a aucun chemin sur le réseau jusqu'au serveur.
cause-network-unreachable-advice = Vérifiez votre connexion : le Wi-Fi ou le câble est-il branché, les sites web s'ouvrent-ils ? Puis réessayez. Un VPN, ou un réseau qui ne laisse sortir qu'une partie du trafic, peut aussi en être la cause.
cause-connection-timeout = Le serveur n'a pas répondu à la tentative de connexion.
cause-connection-timeout-advice = Un pare-feu, votre réseau ou votre fournisseur d'accès bloque peut-être ce port. Essayez depuis un autre réseau, ou vérifiez le numéro de port.
cause-connection-closed = Le serveur a raccroché au milieu de l'échange.
cause-connection-closed-advice = Réessayez dans quelques minutes. Si cela continue, le serveur bloque peut-être l'adresse de cet ordinateur ; contactez votre fournisseur.
cause-greeting-timeout = La connexion s'est ouverte, mais le serveur n'a jamais dit bonjour.
cause-greeting-timeout-advice = Le serveur est peut-être surchargé, ou quelque chose sur le réseau retient la connexion. Réessayez plus tard ou vérifiez le port.
cause-wrong-protocol = Quelque chose a répondu sur ce port, mais ce n'est pas le type de serveur de messagerie attendu ici.
cause-wrong-protocol-advice = Le numéro de port ne correspond sans doute pas à ce type de serveur. Vérifiez le port dans les paramètres de votre fournisseur.
cause-tls-on-plaintext-port = Ce port attend un début non chiffré, mais la connexion était réglée pour chiffrer dès le premier octet.
cause-tls-on-plaintext-port-advice = Réglez la sécurité sur STARTTLS pour ce port, ou utilisez plutôt le port chiffré (993 pour IMAP, 995 pour POP3, 465 pour l'envoi).
cause-plaintext-on-tls-port = Ce port attend le chiffrement dès le premier octet, mais la connexion était réglée pour commencer sans chiffrement.
cause-plaintext-on-tls-port-advice = Réglez la sécurité sur SSL/TLS pour ce port.
cause-tls-handshake-failed = La connexion sécurisée n'a pas pu être établie.
cause-tls-handshake-failed-advice = Le serveur ne prend peut-être en charge qu'un chiffrement dépassé. Essayez l'autre mode de sécurité ou l'autre port, et prévenez votre fournisseur.
cause-certificate-expired = Le certificat de sécurité du serveur a expiré.
cause-certificate-expired-advice = N'envoyez pas votre mot de passe à ce serveur tant que ce n'est pas réparé. Vérifiez la date et l'heure de votre ordinateur ; si elles sont justes, prévenez votre fournisseur.
cause-certificate-not-yet-valid = Le certificat de sécurité du serveur n'est pas encore valable.
cause-certificate-not-yet-valid-advice = Vérifiez la date et l'heure de votre ordinateur. Si elles sont justes, prévenez votre fournisseur.
cause-certificate-name-mismatch = Le certificat de sécurité du serveur appartient à un autre nom.
cause-certificate-name-mismatch-advice = Le nom du serveur est peut-être un alias. Utilisez le nom indiqué par le certificat (voir Détails) si votre fournisseur le confirme.
cause-certificate-untrusted = Le certificat de sécurité du serveur n'est pas signé par une autorité reconnue par cet ordinateur.
cause-certificate-untrusted-advice = Cela peut signifier que quelqu'un intercepte la connexion. Ne continuez pas sur un réseau public ; demandez à votre fournisseur ou à votre service informatique quel certificat attendre. S'il s'agit de votre propre serveur avec son propre certificat, comparez l'empreinte de sa clé (voir Détails) avec le serveur et faites confiance à cette clé.
cause-starttls-not-offered = Le serveur ne propose pas de chiffrer cette connexion.
cause-starttls-not-offered-advice = Votre mot de passe n'a pas été envoyé. Utilisez plutôt le port SSL/TLS, ou demandez à votre fournisseur comment vous connecter de façon sécurisée.
cause-starttls-failed = Le serveur a refusé de passer cette connexion en mode chiffré.
cause-starttls-failed-advice = Essayez plutôt le port SSL/TLS. Si cela échoue aussi, contactez votre fournisseur.
cause-plaintext-auth-refused = Le serveur n'accepte pas de mot de passe sur une connexion non chiffrée.
cause-plaintext-auth-refused-advice = Activez le chiffrement : choisissez SSL/TLS ou STARTTLS dans la sécurité.
cause-insecure-connection-refused = Le mot de passe n'a pas été envoyé, car la connexion n'est pas chiffrée.
cause-insecure-connection-refused-advice = Choisissez SSL/TLS ou STARTTLS. N'autorisez une connexion non chiffrée que si vous faites confiance à tous les réseaux entre vous et le serveur.
cause-auth-failed = Le serveur n'a pas accepté le nom d'utilisateur ou le mot de passe.
cause-auth-failed-advice = Vérifiez le mot de passe (et la touche Verr. Maj) ainsi que le nom d'utilisateur ; beaucoup de fournisseurs veulent l'adresse e-mail complète comme nom d'utilisateur. Connectez-vous sur le site du fournisseur pour être sûr que le mot de passe fonctionne.
cause-unsendable-credentials = Le nom d'utilisateur ou le mot de passe contient un saut de ligne ou un caractère NUL, qui ne peuvent pas être envoyés à un serveur de messagerie. Rien n'a été envoyé.
cause-unsendable-credentials-advice = Retapez le mot de passe (et le nom d'utilisateur) à la main ; un mot de passe collé emporte souvent la fin de ligne avec lui.
cause-app-password-required = Ce compte demande un mot de passe d'application au lieu de votre mot de passe habituel.
cause-app-password-required-advice = Créez un mot de passe d'application dans les paramètres de sécurité de votre compte chez le fournisseur, puis saisissez-le ici à la place de votre mot de passe habituel.
cause-oauth-required = Ce fournisseur n'accepte plus les mots de passe des logiciels de messagerie : il faut se connecter sur sa propre page web (OAuth2).
cause-oauth-required-advice = Utilisez un logiciel de messagerie qui prend en charge la connexion web de votre fournisseur, ou demandez à l'administrateur d'autoriser la connexion par mot de passe pour ce compte.
cause-auth-mechanism-unsupported = Le serveur ne propose aucune méthode d'identification utilisable par cette application.
cause-auth-mechanism-unsupported-advice = Contactez votre fournisseur ou votre service informatique et demandez quelles méthodes d'identification le serveur prend en charge.
cause-protocol-disabled = Le compte existe, mais l'accès par les logiciels de messagerie (IMAP, POP ou envoi) y est désactivé.
cause-protocol-disabled-advice = Activez IMAP/POP (ou l'envoi depuis d'autres logiciels) dans les paramètres du webmail du fournisseur, ou demandez à l'administrateur de l'autoriser. Le mot de passe lui-même est peut-être juste.
cause-web-sign-in-required = Le fournisseur a bloqué cette connexion jusqu'à ce que vous la confirmiez sur son site.
cause-web-sign-in-required-advice = Connectez-vous sur le site du fournisseur dans un navigateur, confirmez que la tentative venait de vous (cherchez une alerte de sécurité), puis réessayez.
cause-too-many-attempts = Le fournisseur bloque les connexions pendant un moment après trop de tentatives.
cause-too-many-attempts-advice = Attendez avant de réessayer, et vérifiez qu'aucun autre appareil n'essaie encore un ancien mot de passe. D'autres tentatives maintenant peuvent prolonger le blocage.
cause-too-many-connections = Trop de programmes ou d'appareils sont connectés à ce compte en même temps.
cause-too-many-connections-advice = Fermez le logiciel de messagerie sur un autre appareil (ou un autre logiciel de messagerie sur celui-ci), attendez quelques minutes, puis réessayez.
cause-password-expired = Le mot de passe a expiré.
cause-password-expired-advice = Connectez-vous sur le site du fournisseur, choisissez-y un nouveau mot de passe, puis saisissez-le ici.
cause-client-blocked = Le serveur refuse les connexions venant de l'adresse de votre réseau.
cause-client-blocked-advice = Votre adresse internet est peut-être sur une liste de blocage anti-spam. Essayez depuis un autre réseau, ou demandez à votre fournisseur d'accès ou de messagerie de lever le blocage.
cause-server-unavailable = Le serveur est momentanément indisponible.
cause-server-unavailable-advice = Cela dure en général peu de temps. Attendez quelques minutes et réessayez.
cause-protocol-error = Le serveur a répondu d'une manière que cette application ne comprend pas.
cause-protocol-error-advice = Réessayez. Si cela continue, envoyez les détails à votre fournisseur ou à votre service informatique.
cause-timeout = Le serveur ne répond plus.
cause-timeout-advice = Vérifiez votre connexion et réessayez. Le serveur est peut-être surchargé.
cause-message-not-arrived = Le serveur d'envoi a accepté le message de test, mais il n'est pas arrivé à temps dans la boîte de réception.
cause-message-not-arrived-advice = Le courrier est peut-être lent aujourd'hui, ou le message a été rangé ailleurs : regardez dans le dossier spam ou courrier indésirable et vérifiez les filtres et les règles de transfert du compte. S'il arrive plus tard, vous pourrez le supprimer ; son objet indique qu'il s'agit d'un test.
cause-account-unavailable-incoming = Le serveur indique que le compte ne peut pas être utilisé pour l'instant (verrouillé, désactivé, occupé ou plein).
cause-account-unavailable-incoming-advice = Connectez-vous sur le site de votre fournisseur pour voir ce qui ne va pas avec le compte, ou contactez votre fournisseur.
cause-account-unavailable-outgoing = Le serveur indique que le compte ne peut pas envoyer de courrier pour l'instant.
cause-account-unavailable-outgoing-advice = Connectez-vous sur le site de votre fournisseur pour vérifier le compte, ou contactez votre fournisseur.
cause-certificate-unchecked = Le certificat de sécurité du serveur n'a pas pu être vérifié.
cause-certificate-unchecked-advice = Voir les Détails.
cause-tls-intercepted = Un logiciel de sécurité ou un proxy du réseau intercepte la connexion chiffrée : le certificat vient de lui, pas du serveur de messagerie.
cause-tls-intercepted-advice = Désactivez l'analyse des connexions chiffrées (ou des e-mails) dans ce produit, ou ajoutez le serveur de messagerie en exception, puis réessayez. N'installez pas son certificat juste pour que cela fonctionne, sauf si vous faites confiance au produit.
cause-clock-wrong = La date et l'heure de cet ordinateur sont fausses : des certificats valables paraissent expirés ou pas encore valables.
cause-clock-wrong-advice = Réglez correctement la date, l'heure et le fuseau horaire (activez « Régler l'heure automatiquement »), puis réessayez. Le serveur n'y est pour rien.
cause-certificate-changed = Le serveur a présenté une autre clé que celle à laquelle vous avez fait confiance.
cause-certificate-changed-advice = Si le responsable du serveur a remplacé la clé volontairement, vérifiez la nouvelle empreinte avec lui et faites confiance à la nouvelle clé. Si personne ne l'a changée, quelqu'un intercepte peut-être la connexion : n'envoyez pas votre mot de passe.
cause-captive-portal = Ce réseau vous demande d'abord de vous connecter dans un navigateur.
cause-captive-portal-advice = Ouvrez n'importe quelle page web dans votre navigateur et terminez la page de connexion du réseau (Wi-Fi d'hôtel, de train, de café ou invité : acceptez les conditions ou saisissez le code d'accès), puis refaites le test. D'ici là, le réseau répond à la place du serveur de messagerie ; votre mot de passe n'a pas été envoyé.
cause-port-blocked = Ce port ne répond pas sur ce réseau, mais un autre port du même serveur répond.
cause-port-blocked-advice = Utilisez l'autre port indiqué ici. Les réseaux des hôtels, des écoles et des entreprises bloquent souvent certains ports de messagerie.

## Where settings came from, and why a host may get the password

source-provider = table des fournisseurs intégrée
source-autoconfig = le serveur de configuration automatique du fournisseur
source-well-known = le fichier de configuration automatique .well-known du domaine
source-ispdb = la base ISPDB de Mozilla
source-mx = le serveur de messagerie du domaine (MX)
source-srv = enregistrements de service DNS (SRV)
source-guess = noms de serveur habituels
source-autoconfig-http = configuration automatique en HTTP non chiffré
via-table = la table des fournisseurs intégrée : { $provider }
via-per = { $via } (source : { $per })
via-mx-table = MX { $mx } → { $domain } → table des fournisseurs intégrée
via-mx-file = MX { $mx } → { $domain } → { $file } { $trail }
via-srv = SRV { $name } → { $target } (priorité { $priority }, poids { $weight })
via-guess = { $host } existe dans le DNS
vouch-own-domain = fait partie de { $domain } lui-même
vouch-provider = indiqué par la table des fournisseurs intégrée de mailsetup
vouch-ispdb = indiqué par l'ISPDB de Mozilla via une connexion vérifiée
vouch-published = publié par { $domain } via une connexion vérifiée
vouch-autoconfig-file = le fichier de configuration automatique de { $domain }
vouch-plain-http = obtenu depuis { $what } en HTTP non chiffré, que n'importe qui sur le réseau a pu modifier
vouch-redirected = { $source } a renvoyé mailsetup vers { $to }, en dehors de { $domain }
vouch-srv = trouvé dans les enregistrements de service DNS (SRV) de { $domain }, sans confirmation de { $domain }
vouch-mx = trouvé via les enregistrements MX de { $domain }, sans confirmation de { $domain }
vouch-found-by = trouvé par { $source }, sans confirmation de { $domain }
consent-question = Le courrier de { $domain } est géré par { $host } — { $how }.
source-manual = saisi à la main
consent-entered-by-you = saisi par vous

## How signing in works at a provider

login-password = Connectez-vous avec le mot de passe habituel du compte de messagerie.
login-password-or-oauth2 = Le mot de passe habituel du compte fonctionne ; la connexion par la page du fournisseur (OAuth2) aussi.
login-app-password = Le mot de passe habituel ne fonctionnera pas ici : créez un mot de passe d'application sur le site du fournisseur et saisissez-le à la place.
login-oauth2-or-app-password = Le mot de passe habituel ne fonctionnera pas ici : connectez-vous par la page du fournisseur (OAuth2) ou créez un mot de passe d'application et saisissez-le.
login-oauth2-only = Ce fournisseur a désactivé la connexion par mot de passe : seule la connexion par sa page (OAuth2) fonctionne.
login-oauth2-unless-admin-allows = Microsoft a désactivé les mots de passe pour IMAP, POP et SMTP : votre mot de passe ne fonctionne ici que si l'administrateur de votre organisation l'a autorisé pour votre boîte aux lettres.

## Notes of the built-in provider table (keys follow assets/providers.json: a test checks the English text)

provider-spectrum-note-1 = Spectrum préfère IMAP ; POP3 fonctionne encore, mais c'est l'ancienne méthode.
provider-spectrum-note-2 = Le port 587 de mobile.charter.net est indiqué à la fois comme chiffré dès le départ et comme STARTTLS ; le test en direct montre ce que le serveur utilise vraiment.
provider-roadrunner-note-1 = Les adresses régionales comme nom@nc.rr.com ou nom@tampabay.rr.com utilisent les mêmes serveurs (mail.twc.com).
provider-gmail-note-1 = Un mot de passe d'application demande d'abord d'activer la validation en deux étapes dans le compte Google.
provider-outlook-note-1 = Microsoft a désactivé la connexion par mot de passe pour les logiciels de messagerie le 16 septembre 2024 ; seule la connexion OAuth2 fonctionne.
provider-microsoft365-enable-first = l'administrateur de votre organisation doit autoriser la connexion par mot de passe pour votre boîte aux lettres (IMAP, POP et « SMTP authentifié » sous Gérer les applications de messagerie). Demandez à votre service informatique avant de continuer.
provider-microsoft365-note-1 = Les logiciels de messagerie qui se connectent par la page de Microsoft (OAuth2) fonctionnent sans l'aide de l'administrateur.
provider-icloud-note-1 = iCloud n'a pas de POP3.
provider-icloud-note-2 = Le courrier entrant se connecte avec la partie avant le @ ; le courrier sortant avec l'adresse complète.
provider-att-note-1 = AT&T appelle son mot de passe d'application « secure mail key » ; le mot de passe habituel du compte ne fonctionne pas dans les logiciels de messagerie.
provider-gmx-net-enable-first = Activez l'accès POP3/IMAP dans les paramètres du webmail GMX avant la première connexion.
provider-gmx-com-enable-first = Activez l'accès POP3/IMAP dans les paramètres du webmail GMX avant la première connexion.
provider-webde-enable-first = Activez l'accès POP3/IMAP dans les paramètres du webmail WEB.DE avant la première connexion.

## The command line's text output (JSON output stays English)

cli-no-servers = Aucun serveur à tester n'a été trouvé pour { $email }.
cli-none-tested-unconfirmed = Aucun serveur n'a été testé pour { $email } : les serveurs trouvés demandent votre confirmation.
cli-verified-count = { $total ->
    [one] { $ok } serveur sur 1 vérifié pour { $email }.
   *[other] { $ok } serveurs sur { $total } vérifiés pour { $email }.
}
cli-saved = Enregistré comme compte « { $id } » dans { $file } ; le mot de passe est dans { $keychain }.
cli-saved-oauth = Enregistré comme compte « { $id } » dans { $file } ; la connexion (son jeton d'actualisation) est dans { $keychain }.
cli-no-accounts = Aucun compte enregistré dans { $folder }.
cli-removed = { $id } ({ $email }) supprimé.
cli-entries-left = { $store } n'a pas été modifié : les entrées { $incoming } et { $outgoing } y sont peut-être encore.
cli-oauth-not-revoked-advice = Le compte est tout de même retiré de mailsetup, mais le fournisseur accepte sa connexion jusqu'à son expiration. Pour y mettre fin maintenant, connectez-vous à votre compte sur { $issuer } et retirez l'accès de mailsetup dans les réglages de sécurité ou d'applications connectées.
cli-oauth-no-keychain = le trousseau n'a pas pu être ouvert, le jeton d'actualisation enregistré n'a donc pas pu être lu pour le rendre
cli-oauth-not-revoked = avertissement : la connexion auprès de { $issuer } n'a pas pu être terminée ({ $code }) : { $summary }
cli-oauth-revoked = La connexion auprès de { $issuer } a été terminée : le jeton d'actualisation enregistré n'y fonctionne plus.
cli-check-failed = Non vérifié : la configuration enregistrée ne fonctionne pas telle quelle.
cli-check-passed = Vérifié : la configuration enregistrée fonctionne.
cli-server-said = le serveur a répondu : { $reply }
cli-what-to-do = que faire : { $advice }
cli-discovered = { $count ->
    [one] Paramètres de { $email } trouvés en { $ms } ms (1 candidat).
   *[other] Paramètres de { $email } trouvés en { $ms } ms ({ $count } candidats).
}
cli-provider = Fournisseur : { $name }
cli-unknown = inconnu
cli-found-by = trouvé par { $sources }
cli-no-server-found = aucun serveur trouvé

## What is wrong with a typed address

address-empty = L'adresse e-mail est vide
address-missing-at = « { $address } » n'a pas de @ : une adresse e-mail ressemble à nom@example.com
address-empty-local = « { $address } » n'a rien avant le @
address-empty-domain = « { $address } » n'a rien après le @
address-whitespace = « { $address } » contient un espace ou un caractère de contrôle
address-several-at = « { $address } » contient plus d'un @
address-invalid-domain = Le domaine « { $domain } » n'est pas un nom internet valable ({ $reason })
address-no-dot = Le domaine « { $domain } » n'a pas de point : les domaines de messagerie ressemblent à example.com
address-too-long = L'adresse e-mail dépasse 254 caractères

## A provider's own advice, added to the advice for a cause

provider-access-smtp = l'envoi depuis les logiciels de messagerie
provider-access-imap-pop = l'accès IMAP/POP
provider-only-app-passwords = { $name } n'accepte que des mots de passe d'application depuis les logiciels de messagerie, pas le mot de passe habituel.
provider-create-one-at = Créez-en un sur { $url }.
provider-also-refuses = { $name } refuse aussi le mot de passe tant que { $access } est désactivé : vérifiez-le sur { $url }.
provider-settings-help = Aide de { $name } sur les paramètres : { $url }
provider-create-app-password-at = { $name } : créez le mot de passe d'application sur { $url }.
provider-help = Aide de { $name } : { $url }
provider-switch-on = { $name } : activez { $access } sur { $url }.
provider-help-on-this = Aide de { $name } à ce sujet : { $url }
provider-lockout = { $name } lève ce blocage de lui-même, { $when }.
provider-max-connections = { $name } autorise environ { $count } connexions simultanées par compte.
provider-status = { $name } signale les pannes connues sur { $url }.
admin-authenticated-smtp = Demandez à l'administrateur Microsoft 365 de votre organisation d'activer « SMTP authentifié » pour votre boîte aux lettres (Centre d'administration Microsoft 365 → Utilisateurs → Utilisateurs actifs → votre nom → Courrier → Gérer les applications de messagerie), et de vérifier que SMTP AUTH n'est pas désactivé pour toute l'organisation.
admin-password-sign-in-off = Microsoft 365 a désactivé la connexion par mot de passe pour les logiciels de messagerie : demandez à l'administrateur de votre organisation si elle peut être autorisée pour votre boîte aux lettres (IMAP, POP et « SMTP authentifié » sous Gérer les applications de messagerie, ainsi que les paramètres de sécurité par défaut), ou utilisez un logiciel de messagerie qui se connecte par la page de Microsoft.
network-no-encryption = sans chiffrement
network-port-refused = Le port { $port } refuse les connexions ; le port { $other } du même serveur fonctionne.
network-port-blocked = Le port { $port } est bloqué sur ce réseau (pas de réponse) ; le port { $other } du même serveur fonctionne.
network-change-port = Passez au port { $other } avec la sécurité { $security }.
network-other-port-silent = Le port { $other } du même serveur ne répond pas non plus.

## `mailsetup discover`: what was found, and where

trust-trusted = fiable
trust-dns = par le DNS
trust-guess = deviné
trust-insecure = source non sûre, à confirmer
username-full-address = l'adresse e-mail complète
username-local-part = la partie avant le @
username-other = un nom d'utilisateur particulier
discover-servers-for = Serveurs pour { $email } (domaine { $domain })
discover-provider = Fournisseur : { $name } (reconnu d'après { $matched })
discover-oauth2 = Connexion OAuth 2.0 : { $issuer } (indiquée par { $via } ; { $trust })
discover-app-passwords = Les mots de passe d'application se créent sur { $url }
discover-before-first = Avant la première connexion : { $step }
discover-username = Nom d'utilisateur { $protocol } : { $form }
discover-note = Remarque : { $note }
discover-imap = Courrier entrant, IMAP
discover-pop3 = Courrier entrant, POP3
discover-smtp = Courrier sortant, SMTP
discover-user = utilisateur
discover-from = via { $sources }
discover-needs-confirmation = à confirmer avant d'y envoyer le mot de passe : { $question }
discover-nothing-found = (rien trouvé)
discover-disagree = Où les sources ne sont pas d'accord
discover-claim-recommended = { $says } (recommandé), selon { $by }
discover-claim-not-recommended = { $says } (non recommandé), selon { $by }
discover-sources = Sources
discover-status-found = { $count } trouvé(s)
discover-status-timed-out = délai dépassé
discover-status-cut-short = arrêtée (réponse fiable complète)
discover-none = aucun
discover-timing = premier candidat après { $first }, terminé après { $ms } ms
discover-why-no-such-name = { $place } n'existe pas
discover-why-lookup-failed = la résolution du nom { $place } a échoué
discover-why-timeout = { $place } n'a pas répondu en { $seconds } s
discover-why-no-answer = pas de réponse en { $seconds } s
discover-why-refused = rien ne répond à { $place } (connexion refusée)
discover-why-connect = impossible de se connecter à { $place }
discover-why-tls = la connexion sécurisée à { $place } a échoué
discover-why-http-status = { $place } a répondu par l'erreur HTTP { $status }
discover-why-too-large = la réponse de { $place } est trop grande
discover-why-redirects = { $place } redirige trop souvent ou en boucle
discover-why-insecure-redirect = { $place } redirige de HTTPS vers HTTP non chiffré, et cette redirection n'est pas suivie
discover-why-failed = la requête vers { $place } a échoué
discover-why-setup = la recherche n'a pas pu démarrer sur cet ordinateur
discover-why-bad-file = le fichier de paramètres à { $place } est inutilisable
## On-screen text of the command line (--json and the --report document stay English)
cli-error = erreur : { $message }
cli-warning = avertissement : { $message }
cli-no-runtime = impossible de démarrer l'environnement d'exécution asynchrone : { $error }
cli-output-failed = impossible d'écrire la sortie : { $error }
cli-force-hint = (--force retire quand même le compte de la liste)
cli-check-time-not-recorded = la vérification a réussi, mais son heure n'a pas pu être enregistrée : { $error }
cli-check-diagnosis = { $summary } ({ $cause }, à l'étape : { $step })
cli-report-not-written = impossible d'écrire le rapport dans { $file } : { $error }
cli-json-not-written = impossible d'écrire le JSON : { $error }
server-line = { $protocol } { $endpoint } ({ $security }, utilisateur { $user })
accounts-label-incoming = entrant
accounts-label-outgoing = sortant
accounts-label-also-ok = aussi valable
accounts-label-settings = paramètres
accounts-label-verified = vérifié
accounts-label-sign-in = connexion
accounts-label-password = mot de passe
accounts-label-trusts = fait confiance à
accounts-label-warning = attention
accounts-label-key = clé
accounts-server-signed-in = { $server }, connexion par { $mechanism }
accounts-trusts-ca = l'autorité de certification de { $file }
accounts-plaintext = le mot de passe peut être envoyé sans chiffrement
accounts-pinned-key = de confiance par son empreinte : { $pin }
source-kind-autoconfig = autoconfiguration du fournisseur
source-kind-ispdb = base de données des fournisseurs
source-kind-srv = enregistrements DNS SRV
source-kind-mx = enregistrements MX
source-kind-guess = noms de serveur devinés
source-with-detail = { $source } ({ $detail })
report-text-server = { $server } — { $verdict } en { $ms } ms
report-label-cause = cause
report-label-advice = conseil
report-label-server = serveur
report-label-detail = détail
report-label-trust = confiance
report-label-by-hand = à la main
report-label-greeting = accueil
report-label-sign-in = connexion
report-label-mailbox = boîte
report-tls-not-completed = négociation non terminée
report-tls-verified = { $version }, { $cipher }, certificat vérifié
report-tls-not-verified = { $version }, { $cipher }, certificat NON vérifié
report-sign-in-offered = proposés : { $mechanisms }
report-sign-in-used = utilisé : { $mechanism }
report-sign-in-why = pourquoi : { $reason }
report-mailbox-messages = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}
report-trust-pin = si c'est votre propre serveur et que la clé ci-dessus est la sienne : --pin-sha256 { $pin }
report-transcript = transcription :
report-round-trip = Aller-retour — { $verdict }
report-label-message = message
step-resolve = trouver le serveur
step-connect = se connecter
step-tls = connexion sécurisée
step-greeting = accueil du serveur
step-capabilities = capacités
step-starttls = connexion sécurisée (STARTTLS)
step-authenticate = s'identifier
step-mailbox = ouvrir la boîte
step-logout = se déconnecter
step-port-check = vérifier ce que parle le port
step-send-message = envoyer un message de test
step-find-message = trouver le message de test
step-delete-message = supprimer le message de test
step-network-check = vérifier le réseau

## Testing, continued

testing-not-sent-unconfirmed = Votre mot de passe n'a pas été envoyé à { $host } : confirmez d'abord ce serveur.
testing-password-refused = Le serveur n'a pas accepté le mot de passe.
testing-nothing-tested = Aucun serveur n'a pu être testé.

## Se connecter avec le fournisseur (OAuth 2.0)

oauth-sign-in-with = Se connecter avec { $provider }
oauth-sign-in-intro = { $provider } vous permet de vous connecter sur sa propre page, dans votre navigateur, au lieu de saisir votre mot de passe ici.
oauth-waiting = En attente dans le navigateur… Terminez-y la connexion avec { $provider }.
oauth-cancel = Annuler la connexion
oauth-signed-in = Connecté avec { $provider }.
oauth-cancelled = La connexion a été annulée.
oauth-denied = L’accès n’a pas été autorisé sur la page de { $provider }. Recommencez et choisissez Autoriser quand { $provider } demande si mailsetup peut utiliser votre messagerie.
oauth-wrong-account = Un autre compte que l’adresse saisie a été choisi dans le navigateur. Reconnectez-vous et choisissez le compte de cette adresse.
oauth-no-client-id = Se connecter avec { $provider } demande un identifiant client : mailsetup doit d’abord être enregistré auprès de { $provider } comme application de bureau. Enregistrez-le (le README explique comment pour Google et Microsoft), puis indiquez l’identifiant dans la variable d’environnement MAILSETUP_OAUTH_CLIENT_ID ou dans oauth.json, dans le dossier de configuration.
oauth-timeout = La connexion n’a pas été terminée à temps. Recommencez et terminez-la dans le navigateur.
oauth-failed = La connexion avec { $provider } n’a pas abouti.
oauth-details = Ce qui s’est passé : { $summary }
oauth-use-code = Utiliser plutôt un code sur un autre appareil
oauth-browser-failed = Le navigateur web n'a pas pu s'ouvrir sur cet ordinateur. Connectez-vous plutôt avec un code sur un autre appareil.
oauth-code-asking = Demande d'un code à { $provider }…
oauth-code-open = Sur votre téléphone ou un autre ordinateur, ouvrez cette page :
oauth-code-copy-address = Copier l'adresse
oauth-code-enter = Saisissez-y ce code :
oauth-code-name = Code à saisir : { $code }
oauth-code-copy = Copier le code
oauth-code-expires = Le code reste valable { $time }.
oauth-code-expired-now = Le code n'est plus valable.
oauth-code-waiting = En attente de l'approbation…
oauth-code-expired = Le code a expiré avant d'être saisi. Demandez un nouveau code et saisissez-le peu après son affichage.
oauth-code-new = Obtenir un nouveau code
oauth-no-refresh-token = Le fournisseur n’a donné aucun jeton d’actualisation : la connexion ne pourrait pas être renouvelée plus tard. Rien n’a été enregistré.
## Signing in through the provider's page (OAuth 2.0)

oauth-error-no-client-id = pour se connecter avec { $provider } via sa page, il faut un identifiant client (client ID) enregistré auprès de { $provider }, et aucun n'est configuré
oauth-error-no-issuer = aucune connexion OAuth 2.0 n'est connue pour { $provider }
oauth-error-unconfirmed-issuer = { $via } désigne { $issuer } comme lieu de connexion, mais ce fichier est arrivé par une connexion qui ne peut pas s'en porter garante ; il n'est donc pas utilisé sans votre accord
oauth-error-no-endpoint = { $issuer } ne propose pas { $what }
oauth-error-insecure = { $url } n'est pas une adresse HTTPS ; OAuth 2.0 a besoin d'une connexion chiffrée
oauth-error-malformed = { $url } : réponse inattendue : { $detail }
oauth-error-denied = la connexion a été refusée sur la page du fournisseur
oauth-error-wrong-state = la réponse du navigateur n'appartient pas à cette connexion (sa valeur state est différente)
oauth-error-device-code-expired = le code de connexion a expiré avant d'être approuvé
oauth-error-invalid-grant = le fournisseur n'accepte plus la connexion enregistrée
oauth-error-wrong-account = le fournisseur a connecté { $got }, et non { $expected }
oauth-error-refused = { $url } : le fournisseur a refusé : { $code }
oauth-error-timed-out = pas de réponse de la connexion en { $after }
oauth-error-browser = le navigateur n'a pas pu être ouvert ({ $command }) : { $detail }
oauth-error-listener = impossible d'attendre la réponse du navigateur sur 127.0.0.1 : { $detail }
oauth-error-provider-said = (le fournisseur a dit : { $text })
oauth-error-no-client-id-advice = Un programme qui se connecte via la page d'un fournisseur doit être enregistré auprès de ce fournisseur, qui lui donne un identifiant client. Enregistrez mailsetup comme application de bureau chez le fournisseur (le README explique comment faire pour Google et Microsoft), puis indiquez l'identifiant dans la variable d'environnement MAILSETUP_OAUTH_CLIENT_ID ou avec --oauth-client-id.
oauth-error-no-issuer-advice = mailsetup ne connaît pas la page de connexion de ce fournisseur. Utilisez un mot de passe (ou un mot de passe d'application) si le fournisseur le permet, ou indiquez l'adresse de connexion du fournisseur avec --oauth-issuer.
oauth-error-unconfirmed-issuer-advice = Si { $issuer } est bien la connexion de votre fournisseur, relancez avec --oauth-issuer { $issuer } (et les scopes avec --oauth-scope) ; sinon, demandez à votre fournisseur où se connecter.
oauth-error-no-endpoint-advice = Le fournisseur ne propose pas cette façon de se connecter. Essayez l'autre (--browser, ou sans cette option le code affiché sur un autre appareil).
oauth-error-insecure-advice = Les adresses de connexion doivent commencer par https://. Vérifiez l'adresse de connexion du fournisseur.
oauth-error-unreachable-advice = Le service de connexion du fournisseur est injoignable. Vérifiez la connexion et réessayez.
oauth-error-refused-advice = Le service de connexion du fournisseur a refusé ou a répondu de façon inattendue. Réessayez ; si cela continue, l'enregistrement de l'application chez le fournisseur est peut-être incorrect (identifiant client, redirection autorisée ou autorisations).
oauth-error-denied-advice = L'accès n'a pas été autorisé sur la page du fournisseur. Recommencez et choisissez Autoriser (ou Accepter) quand le fournisseur demande si mailsetup peut utiliser vos e-mails.
oauth-error-wrong-state-advice = La réponse dans le navigateur venait d'une autre tentative de connexion, ou a été modifiée. Fermez les anciens onglets de connexion et recommencez.
oauth-error-device-code-expired-advice = Le code n'a pas été saisi à temps. Recommencez et saisissez le nouveau code peu après son affichage.
oauth-error-invalid-grant-advice = La connexion enregistrée a expiré ou a été retirée (mot de passe changé, ou application supprimée des paramètres de sécurité du compte). Reconnectez-vous via la page du fournisseur.
oauth-error-wrong-account-advice = Dans le navigateur, un autre compte que l'adresse en cours de configuration a été choisi. Reconnectez-vous et choisissez le bon compte (déconnectez-vous d'abord de l'autre dans le navigateur si besoin).
oauth-error-timed-out-advice = La connexion n'a pas été terminée à temps. Recommencez et terminez-la dans le navigateur.
oauth-error-browser-advice = Ouvrez vous-même l'adresse affichée dans un navigateur web, ou utilisez la connexion avec un code (sans --browser).
oauth-error-local-advice = Quelque chose sur cet ordinateur a bloqué la connexion. Réessayez, ou utilisez la connexion avec un code (sans --browser).
oauth-cli-failed = La connexion via le fournisseur a échoué ({ $code }) : { $summary }
oauth-cli-opening-browser = Ouverture de la page de connexion de { $name } dans le navigateur ; terminez la connexion là-bas.
oauth-cli-open-by-hand = Le navigateur n'a pas pu être ouvert. Ouvrez vous-même cette adresse :
oauth-cli-no-device-flow = remarque : { $name } n'autorise pas l'accès aux e-mails avec un code ; si la connexion est refusée, utilisez --browser.
oauth-cli-enter-code = Pour vous connecter, ouvrez { $url } et saisissez le code { $code }
oauth-cli-or-open = (ou ouvrez { $url }, qui contient déjà le code)
oauth-cli-waiting = En attente de l'approbation de la connexion …
oauth-cli-no-token-in-env = la variable d'environnement { $var } ne contient aucun jeton
oauth-cli-no-secret-in-env = la variable d'environnement { $var } ne contient aucun secret client
oauth-cli-issuer-needs-scopes = --oauth-issuer a besoin des autorisations (scopes) à demander : indiquez --oauth-scope
oauth-cli-issuer-discovered = Connexion auprès de { $issuer }, indiqué par { $via }
oauth-cli-discovered-needs-scopes = la connexion trouvée par la recherche n'indique aucun scope : indiquez-les avec --oauth-scope
oauth-cli-mechanism = « { $text } » : utilisez oauthbearer ou xoauth2
oauth-cli-renew-not-kept = attention : le fournisseur a renouvelé la connexion, mais le trousseau n'a pas pu la garder : { $error }
oauth-cli-no-refresh-token = non enregistré : le fournisseur n'a donné aucun jeton d'actualisation, la connexion ne pourrait donc pas être renouvelée plus tard (demandez l'accès hors ligne : le scope offline_access)
cause-oauth-scope-missing = La connexion faite sur la page du fournisseur n'inclut pas l'autorisation d'utiliser les e-mails.
cause-oauth-scope-missing-advice = Reconnectez-vous via la page du fournisseur et autorisez l'accès aux e-mails quand il le demande. Si cette autorisation n'est pas proposée, elle manque dans l'enregistrement de l'application chez le fournisseur.
cause-oauth-token-rejected = Le serveur n'a pas accepté la connexion faite sur la page du fournisseur (son jeton d'accès a été refusé).
cause-oauth-token-rejected-advice = Reconnectez-vous via la page du fournisseur. Si l'échec continue, la connexion appartient peut-être à un autre compte que cette adresse, ou le fournisseur a retiré l'accès de cette application : vérifiez les applications autorisées dans les paramètres de sécurité du compte.
cause-oauth-scope-asked = Le serveur demande l'autorisation (scope) « { $scope } ».
cause-oauth-names-service = Il indique que son service de connexion se trouve à { $url }.

## What a screen reader hears beyond the visible text

window-title = Configuration e-mail
a11y-scroll-page = Faire défiler la page
a11y-scroll-transcript = Faire défiler la transcription
a11y-status-line = { $label } : { $status }
a11y-test-line = { $role } — { $item } : { $status }

## Why the keychain could not keep the password (the Done page)

keychain-problem = { $store } : { $reason }.
keychain-no-session-bus = le Secret Service est injoignable : il n'y a pas de bus de session D-Bus ({ $detail })
keychain-no-session-bus-advice = Lancez mailsetup dans votre session de bureau, ou démarrez un bus de session avec un service de trousseau (dbus-run-session) ; ou enregistrez plutôt le mot de passe dans le trousseau du noyau (keyutils).
keychain-no-secret-service = aucun Secret Service ne fonctionne sur le bus de session ({ $detail })
keychain-no-secret-service-advice = Installez et démarrez GNOME Keyring (gnome-keyring-daemon) ou KWallet avec son interface Secret Service activée ; ou enregistrez plutôt le mot de passe dans le trousseau du noyau (keyutils).
keychain-locked = le trousseau est verrouillé et n'a pas pu être déverrouillé ici (la demande de déverrouillage n'a pas pu s'afficher, ou a été fermée)
keychain-locked-advice = Déverrouillez-le (connectez-vous au bureau ou ouvrez « Mots de passe et clés ») et réessayez.
keychain-no-default-keyring = le Secret Service n'a pas encore de trousseau par défaut et n'a pas pu vous demander d'en créer un (aucune demande n'a pu s'afficher)
keychain-no-default-keyring-advice = Créez-en un dans « Mots de passe et clés » (Seahorse), ou démarrez gnome-keyring-daemon avec --unlock, puis réessayez.
keychain-access-denied = { $store } a refusé à mailsetup l'accès à ses mots de passe ({ $detail })
keychain-access-denied-advice = Autorisez mailsetup dans les réglages du trousseau et réessayez.
keychain-no-session-keyring = le trousseau du noyau (keyutils) n'a pas de trousseau de session utilisable dans cette session
keychain-no-session-keyring-advice = Lancez mailsetup depuis une session normale, ou démarrez-en une avec `keyctl session -`.
keychain-not-found = { $store } n'a pas de mot de passe pour { $entry }
keychain-not-found-advice = Enregistrez de nouveau le compte pour le conserver.
keychain-unsupported = { $store } n'est pas disponible sur ce système
keychain-unsupported-advice = Utilisez { $default }.
keychain-too-long = le mot de passe est trop long pour { $store } ({ $detail })
keychain-too-long-advice = Enregistrez-le dans un autre trousseau.
keychain-bad-encoding = le mot de passe que { $store } garde pour { $entry } n'est pas un texte valide
keychain-bad-encoding-advice = Enregistrez de nouveau le compte.
keychain-failed = { $store } a échoué : { $detail }
keychain-failed-advice = Réessayez ; si cela échoue encore, déconnectez-vous du bureau puis reconnectez-vous.
keychain-task = la tâche du trousseau s'est arrêtée de façon inattendue : { $detail }
keychain-task-advice = Réessayez.

## Store errors on the command line (`accounts`, `diagnose --save`); `keychain-words` joins a keychain error's reason and advice

keychain-words = { $reason }. { $advice }
store-invalid = le compte ne peut pas être enregistré : { $detail }
store-not-found = aucun compte enregistré n'a l'identifiant « { $id } » (`mailsetup accounts list` les affiche)
store-wrong-keychain = le compte « { $id } » garde son mot de passe dans { $saved_in }, pas dans { $given } : utilisez --keychain { $word }
store-rollback-failed = { $cause }. La remise en état du trousseau a aussi échoué ({ $undo }) : supprimez à la main l'entrée { $entry } dans le gestionnaire de trousseau
store-no-config-dir = aucun dossier de configuration n'a été trouvé pour cet utilisateur (pas de dossier personnel ?) : indiquez --config-dir DOSSIER ou définissez { $env }
store-task = la tâche d'enregistrement s'est arrêtée de façon inattendue : { $detail }
store-cancelled = l'enregistrement a été annulé ; rien n'a été enregistré

## Network checks (IPv4 / IPv6) and lockouts of the provider table

network-attempt-connected = fonctionne
network-attempt-refused = refuse la connexion
network-attempt-no-route = n'a pas de route depuis cet ordinateur
network-attempt-unreachable = est injoignable
network-attempt-no-answer = ne répond pas
network-attempt-failed = échoue
network-family-result = { $family } { $result }
network-family-summary = { $summary } ({ $results }.)
network-family-warning = { $broken } vers ce serveur { $result } ({ $address }) ; { $works } fonctionne. Les programmes qui essaient d'abord { $broken } peuvent se connecter lentement, voire pas du tout : prévenez l'administrateur du réseau ou le fournisseur de messagerie.
provider-gmail-lockout = en général en moins d'une heure, et au plus tard après 24 heures

## Where discovery sources disagree

discover-disagree-username = Les sources donnent des noms d'utilisateur différents pour { $server } ; celui de la source la plus fiable est essayé.
discover-disagree-security = Les sources ne s'accordent pas : { $protocol } sur { $host }:{ $port } commence-t-il en TLS ou passe-t-il par STARTTLS ? Les deux sont essayés et le test en direct montre lequel le serveur parle.
discover-disagree-port = Les sources donnent des ports différents pour { $protocol } sur { $host } ; le mieux classé est essayé en premier et le test en direct tranche.
provider-spectrum-disputed-1 = Le port 110 est le port non chiffré (STLS) de POP3 : « 110 avec SSL » ne peut donc pas marcher tel quel ; POP3 en TLS utilise 995, et le serveur actuel est mobile.charter.net:995. pop.charter.net:110 a aussi été retiré de l'ISPDB de Mozilla en 2023.
provider-spectrum-disputed-2 = Le port 143 est IMAP sans chiffrement (STARTTLS au mieux) ; les serveurs de Spectrum se joignent sur 993 avec TLS dès le départ.
provider-spectrum-disputed-1-by = un article très recopié sur les réglages de Spectrum
provider-spectrum-disputed-2-by = un article très recopié sur les réglages de Spectrum
provider-spectrum-server-3-per = Mozilla ISPDB
provider-spectrum-server-4-per = les pages d'aide de Spectrum

## The command line's errors

cli-password-prompt = Mot de passe :
cli-password-empty = le mot de passe est vide
cli-env-not-set = la variable d'environnement { $var } n'est pas définie
cli-env-not-utf8 = la variable d'environnement { $var } n'est pas en UTF-8 valide
cli-password-stdin-failed = impossible de lire le mot de passe sur l'entrée standard : { $error }
cli-no-terminal = aucun mot de passe donné et aucun terminal pour le demander : utilisez --password-stdin ou --password-env VAR
cli-password-prompt-failed = impossible de lire le mot de passe depuis le terminal : { $error }
cli-timeout-invalid = --timeout doit être un nombre de secondes supérieur à 0 et d'au plus 600, pas { $value }
cli-not-saved-unverified = non enregistré : tous les serveurs n'ont pas été vérifiés
cli-not-saved = non enregistré : { $error }

## `accounts list`: an account that signs in through its provider's page

accounts-oauth-sign-in = OAuth 2.0 avec { $issuer } (client { $client }) ; le jeton d'actualisation est dans { $keychain }

## Round trip and OAuth safety

roundtrip-summary-left-flagged = Le message de test est arrivé dans la boîte de réception { $seconds } après son envoi. Il reste marqué comme supprimé ; votre logiciel de messagerie l'enlèvera lors de son prochain nettoyage. L'enlever maintenant aurait aussi enlevé d'autres messages que vous avez marqués comme supprimés.
roundtrip-left-flagged = reste marqué comme supprimé ; votre logiciel de messagerie l'enlèvera au prochain nettoyage
report-label-sign-ins = connexions
oauth-error-redirect-refused = { $url } a répondu par une redirection ; elle n'a pas été suivie, donc rien n'a été envoyé à une autre adresse
oauth-error-redirect-refused-advice = Un service de connexion qui renvoie les demandes de jetons ailleurs est mal configuré ou n'appartient pas au fournisseur. Vérifiez l'adresse de l'émetteur (--oauth-issuer) et demandez au fournisseur laquelle utiliser.
## Boundaries and consent

discover-why-bad-host = les paramètres venant de { $place } désignent un serveur dont le nom d’hôte n’est pas valide : ils ont été refusés
discover-why-bad-issuer = le fichier de paramètres à { $place } désigne un serveur de connexion qui n’est pas une adresse https d’un hôte valide : il a été refusé
discover-why-private-redirect = { $place } redirige vers une adresse de cet ordinateur ou de son réseau local : cette redirection n’est pas suivie
cli-plaintext-needs-host = --allow-plaintext sans hôte ne vaut que pour les serveurs donnés avec --imap, --pop3 ou --smtp ; pour des serveurs découverts, nommez l’hôte : --allow-plaintext HOST
cli-plaintext-bad-host = --allow-plaintext { $host } : donnez un nom d’hôte
keychain-no-answer = le { $store } n’a pas répondu en { $seconds } s
keychain-no-answer-advice = Si une fenêtre demande un mot de passe pour le déverrouiller, répondez-y puis réessayez ; si rien ne s’affiche, fermez la session du bureau et rouvrez-la.
accounts-entries-elsewhere = les entrées du trousseau de { $id } ont été enregistrées depuis un autre dossier de configuration (celui-ci a été copié ou déplacé) : la copie et l’original les partagent, donc supprimer ou enregistrer le compte ici les modifie aussi là-bas
## Hand-off: the account in other mail programs (src/export, src/flow/export.rs, src/cli/export.rs, the Done page)

export-format-tfa = code QR pour Thunderbird pour Android
export-format-dclogin = code QR pour Delta Chat
export-format-mobileconfig = profil de configuration Apple
export-format-autoconfig = fichier autoconfig
export-oauth-not-carried = le { $format } ne peut pas transmettre un compte qui se connecte par son fournisseur (OAuth 2.0) : connectez-vous auprès du fournisseur sur l'autre appareil
export-non-ascii-address = le { $format } ne transmet que des adresses en caractères ASCII simples, ce qui n'est pas le cas de { $address }
export-password-required = le { $format } contient toujours le mot de passe : il n'est créé que si vous incluez le mot de passe
export-imap-required = le { $format } a besoin d'un serveur IMAP, et aucun n'a été vérifié pour ce compte POP3
export-bad-host = « { $host } » n'est pas un nom de serveur utilisable par un logiciel de messagerie
export-control-character = { $field } contient un caractère de contrôle (un saut de ligne, par exemple)
export-field-name = le nom
export-field-address = l'adresse e-mail
export-field-incoming-host = le nom du serveur de réception
export-field-outgoing-host = le nom du serveur d'envoi
export-field-incoming-user = le nom d'utilisateur de réception
export-field-outgoing-user = le nom d'utilisateur d'envoi
export-field-password = le mot de passe
export-invalid = le compte ne peut pas être exporté : { $reason }
export-too-large = le code contiendrait { $bytes } octets, plus qu'un code QR ne peut en porter ({ $max })
export-png-failed = l'image du code QR n'a pas pu être créée : { $reason }
export-sign-unreadable = { $path } : { $reason }
export-sign-no-openssl = openssl, qui signe le profil, n'a pas pu être lancé ({ $reason }) : installez-le (Debian : apt-get install openssl)
export-sign-failed = openssl n'a pas pu signer le profil : { $reason }
export-sign-timed-out = openssl n'a pas fini de signer en { $seconds } secondes
export-profile-mail-name = Mail : { $email }
export-profile-name = Compte de messagerie { $email }
export-profile-description = Ajoute le compte { $email } à Mail avec les réglages vérifiés par Mail Setup.
export-not-written = impossible d'écrire { $path } : { $reason }
export-password-warning = Toute personne qui voit ce code ou ce fichier peut lire vos e-mails et en envoyer en votre nom.
export-cli-goa-flags = --out, --payload et --sign-* ne s'appliquent pas à --format goa
export-cli-payload-qr-only = --payload ne sert qu'aux formats QR (tfa-qr, dclogin-qr)
export-cli-sign-profile-only = --sign-cert et --sign-key ne signent qu'un profil mobileconfig
export-cli-autoconfig-no-password = un fichier autoconfig sert tout le domaine et ne contient jamais de mot de passe : retirez --with-password
export-cli-oauth-no-password = ce compte se connecte par son fournisseur : aucun mot de passe n'est exporté, l'autre appareil se connecte lui-même
export-cli-qr-caption = { $format } : version QR { $version } ({ $size }×{ $size } modules). Scannez-le avec l'application.
export-cli-unsigned = Le profil n'est pas signé : les appareils l'affichent comme « Non vérifié ». Signez-le avec --sign-cert et --sign-key.
export-cli-written = { $format } écrit dans { $path }.
export-cli-publish-at = Publiez le fichier à ces adresses :
export-cli-srv-records = Ou publiez ces enregistrements DNS SRV (RFC 6186) dans la zone du domaine :
export-cli-goa-added = Ajouté aux Comptes en ligne GNOME : { $path }
handoff-heading = Utiliser ce compte sur d'autres appareils et applications
handoff-phone = Votre téléphone
handoff-thunderbird = Thunderbird
handoff-deltachat = Delta Chat
handoff-thunderbird-hint = Dans Thunderbird sur votre téléphone, choisissez d'importer les réglages d'un autre appareil et scannez ce code.
handoff-deltachat-hint = Dans Delta Chat, ajoutez un compte, choisissez de scanner un code et scannez celui-ci.
handoff-include-password = Inclure mon mot de passe dans le code
handoff-include-password-profile = Inclure mon mot de passe dans le profil
handoff-show-code = Afficher le code
handoff-hide-code = Masquer le code
handoff-code-hidden = Ce code contient votre mot de passe : il reste masqué jusqu'à ce que vous demandiez à l'afficher.
handoff-making = Création du code…
handoff-qr-name = Code QR pour { $format }
handoff-apple = iPhone, iPad ou Mac
handoff-apple-hint = Un fichier de profil : ouvrez-le sur l'appareil et confirmez-le dans Réglages. Il n'est pas signé, l'appareil l'indique donc comme « Non vérifié ».
handoff-save-profile = Enregistrer le profil…
handoff-gnome = GNOME (Evolution, Geary)
handoff-gnome-hint = Ajoute le compte aux comptes en ligne du bureau, où les logiciels de messagerie de GNOME le trouvent.
handoff-gnome-add = Ajouter
handoff-gnome-added = Ajouté aux Comptes en ligne GNOME.
handoff-admin = Pour l'administrateur de votre domaine
handoff-admin-hint = Un fichier autoconfig : publié sur le serveur web du domaine, il permet aux logiciels de messagerie de trouver ces réglages seuls.
handoff-save-autoconfig = Enregistrer l'autoconfig…
handoff-saved = Enregistré dans { $path }.
handoff-not-saved = Non enregistré : { $reason }
handoff-save-title = Enregistrer le fichier

## GNOME Online Accounts

goa-not-available = Les comptes en ligne de GNOME n'existent que sur les bureaux Linux
goa-not-available-advice = Transférez plutôt le compte vers vos autres applications avec le code QR ou le fichier de configuration.
goa-no-session-bus = aucune session de bureau n'a été trouvée pour joindre les comptes en ligne de GNOME ({ $reason })
goa-no-session-bus-advice = Lancez cette commande depuis un terminal de votre session de bureau (pas par SSH ni sous un autre utilisateur).
goa-not-installed = Les comptes en ligne de GNOME ne sont pas installés sur cet ordinateur
goa-not-installed-advice = Installez-les (Debian et Ubuntu : apt install gnome-online-accounts) puis réessayez, ou ajoutez le compte à la main dans votre logiciel de messagerie.
goa-not-running = Le service des comptes en ligne de GNOME n'a pas démarré ou n'a pas répondu : { $reason }
goa-not-running-advice = Fermez la session, reconnectez-vous, puis réessayez.
goa-oauth = { $email } se connecte par son fournisseur (OAuth), mais les comptes « IMAP et SMTP » de GNOME n'acceptent qu'un mot de passe
goa-oauth-advice = Ajoutez le compte dans Paramètres → Comptes en ligne avec l'entrée propre à son fournisseur (par exemple Google ou Microsoft 365).
goa-pop3 = { $email } reçoit le courrier en POP3, et les comptes en ligne de GNOME ne connaissent que l'IMAP
goa-pop3-advice = Configurez à nouveau le compte en IMAP, ou ajoutez-le à la main dans votre logiciel de messagerie.
goa-already-exists = Les comptes en ligne de GNOME ont déjà un compte pour { $email } ; rien n'a été ajouté
goa-already-exists-advice = Pour le remplacer, supprimez d'abord l'ancien dans Paramètres → Comptes en ligne.
goa-refused = Les comptes en ligne de GNOME ont refusé le compte : { $message }
goa-password-not-stored = Les comptes en ligne de GNOME n'ont pas pu garder le mot de passe dans le trousseau ({ $reason }) ; le compte a donc été retiré
goa-password-not-stored-kept = Les comptes en ligne de GNOME n'ont pas pu garder le mot de passe dans le trousseau ({ $reason }) et le compte inachevé n'a pas pu être retiré : supprimez-le dans Paramètres → Comptes en ligne
goa-password-not-stored-advice = Déverrouillez le trousseau (connectez-vous au bureau ou ouvrez « Mots de passe et clés ») et réessayez.
goa-timeout = Les comptes en ligne de GNOME n'ont pas répondu ({ $step }) en { $seconds } secondes
goa-timeout-advice = Si une fenêtre du trousseau attend votre mot de passe, répondez-y, puis réessayez.
goa-unexpected = Les comptes en ligne de GNOME ont répondu à { $step } d'une façon que cette version de Mail Setup ne comprend pas : { $detail }
goa-invalid = ce compte ne peut pas être transféré : { $detail }
## Window polish

password-paste-refused = Le texte collé contient un saut de ligne au milieu, qu'aucun serveur de messagerie n'accepte dans un mot de passe : il n'a donc pas été collé. Copiez le mot de passe seul et collez-le à nouveau.
password-space-start = Votre mot de passe commence par une espace. Si elle n'en fait pas partie, supprimez-la.
password-space-end = Votre mot de passe se termine par une espace. Si elle n'en fait pas partie, supprimez-la.
password-space-both = Votre mot de passe commence et se termine par une espace. Si elles n'en font pas partie, supprimez-les.
problems-count = { $count ->
    [one] Un champ demande votre attention.
   *[other] { $count } champs demandent votre attention.
}
consent-suggested = suggéré — pas encore testé
manual-suggested = { $host } est une suggestion tirée des noms habituels, pas encore testée.
cli-check-no-accounts = aucun compte n'est enregistré dans { $folder } : rien à vérifier
cli-check-which = plusieurs comptes sont enregistrés ({ $ids }) : indiquez celui à vérifier
replace-question = Remplacer le compte enregistré pour { $email } ? Un compte existe déjà pour cette adresse ({ $id }) ; enregistrer maintenant met ces réglages et ce mot de passe à sa place.
replace-confirm = Remplacer le compte enregistré
replace-looking = Vérification : un compte est-il déjà enregistré pour cette adresse ? L’enregistrement suit dès que la réponse arrive.
manual-browse = Parcourir…
manual-browse-title = Fichier de l'autorité de certification
manual-ca-in-effect-file = En vigueur : les autorités de certification du système et { $file }.
manual-ca-in-effect-environment = En vigueur : les autorités de certification du système et { $file } (de MAILSETUP_CA_FILE).
manual-ca-in-effect-system = En vigueur : uniquement les autorités de certification du système.
## Platforms

platform-verifier-unavailable = la vérification des certificats de ce système n'a pas pu être préparée ({ $detail }) ; indiquez le certificat de l'autorité du serveur avec --ca-file pour vérifier avec lui seul
platform-trust-caller-only = Remarque : la vérification des certificats de ce système n'a pas pu être préparée ({ $detail }). Les certificats sont vérifiés avec le seul fichier d'autorité indiqué : chaîne, signatures, dates, nom du serveur et usage, mais sans recherche de révocation ni la liste des certificats que le système refuse.
cause-certificate-check-unavailable = La vérification des certificats de cet ordinateur ne fonctionne pas : le certificat du serveur n'a pas pu être vérifié.
cause-certificate-check-unavailable-advice = Rien n'a été envoyé au serveur. Indiquez le certificat de l'autorité du serveur (--ca-file, ou « Faire confiance à la clé de ce serveur » dans la fenêtre) pour le vérifier avec lui seul, ou faites le test sur un ordinateur dont la vérification des certificats fonctionne (cela arrive sous wine, pas sous Windows lui-même).

# scram-wire: SCRAM sign-in proves interception (issue 25)
cause-tls-intercepted-proven = Quelque chose entre cet ordinateur et le serveur de messagerie a ouvert sa propre connexion chiffrée vers le serveur : la connexion au compte l'a prouvé. Le mot de passe lui-même n'a pas été envoyé.
cause-tls-intercepted-proven-advice = Ne vous connectez pas depuis ce réseau avant de savoir ce qui se trouve entre les deux. Désactivez l'analyse des connexions chiffrées (ou des e-mails) dans votre logiciel de sécurité, ou essayez un autre réseau (par exemple le partage de connexion de votre téléphone). Sur un réseau d'entreprise, demandez au service informatique s'il inspecte les connexions de messagerie.
# pacc : PACC, autoconfig 1.2 et JMAP repéré (ticket 24 §2–§4)
source-pacc = le fichier de configuration du domaine vérifié par son empreinte (PACC)
source-jmap = recherche de JMAP (.well-known et SRV)
discover-jmap-offered = Ce fournisseur propose aussi JMAP (vu à { $seen }). mailsetup ne se connecte pas encore par JMAP ; il configure IMAP ou POP3 avec SMTP.
discover-why-pacc-no-digest = le fichier de configuration à { $place } n'a pas été utilisé : { $name } ne publie dans le DNS aucune empreinte qui puisse le confirmer
discover-why-pacc-mismatch = le fichier de configuration à { $place } n'a pas été utilisé : il ne correspond pas à l'empreinte publiée à { $name }, il ne vient donc peut-être pas du fournisseur
protocol-jmap-offered = Ce fournisseur propose aussi JMAP, une façon plus récente pour les logiciels de messagerie de parler au serveur. mailsetup ne sait pas encore se connecter par JMAP : choisissez ici IMAP ou POP3.
discover-other-services = Le fournisseur indique aussi, non configuré par mailsetup : { $services }
discover-sasl = mécanismes de connexion indiqués par le fournisseur : { $mechanisms }
## Branch autodiscover: Microsoft Autodiscover and Microsoft 365

source-autodiscover = Autodiscover de Microsoft
discover-exchange-only = { $domain } propose Microsoft Exchange (la connexion propre à Outlook) et n’indique aucun serveur IMAP, POP3 ou SMTP. IMAP peut tout de même y être activé ; les noms de serveur habituels sont aussi essayés.
vouch-autodiscover = indiqué par Autodiscover de Microsoft via une connexion vérifiée
# settle: testing while discovery still runs
early-switched = { $source } indique un serveur mieux classé, { $host } : c'est lui qui est testé maintenant.
## oauth-public : connexion sans client enregistré à l'avance (src/oauth/register.rs, metadata.rs)

oauth-error-no-registration = la connexion avec { $provider } demande un identifiant client, aucun n'est configuré, et { $issuer } ne laisse pas les applications s'enregistrer elles-mêmes (ses métadonnées ne nomment aucun point d'enregistrement)
oauth-error-no-registration-advice = Ce fournisseur attend que les applications soient enregistrées chez lui à l'avance. Demandez au fournisseur un identifiant client pour mailsetup et donnez-le avec --oauth-client-id ou dans la variable d'environnement MAILSETUP_OAUTH_CLIENT_ID, ou connectez-vous avec un mot de passe si le fournisseur le permet.
oauth-error-registration-refused = { $url } : le fournisseur a refusé d'enregistrer mailsetup : { $code }
oauth-error-registration-refused-advice = Le fournisseur ne laisse pas mailsetup s'enregistrer comme application de bureau. Demandez au fournisseur un identifiant client pour mailsetup et donnez-le avec --oauth-client-id, ou connectez-vous avec un mot de passe si le fournisseur le permet.
oauth-error-not-public-client = { $url } a enregistré mailsetup comme un client qui doit s'authentifier avec { $method }, et non comme une application publique
oauth-error-issuer-mismatch = { $url } nomme l'émetteur { $named }, et non { $expected }, donc ses points d'accès ne sont pas utilisés
oauth-error-issuer-mismatch-advice = La description du serveur de connexion appartient à un autre serveur, donc rien ne lui a été envoyé. Vérifiez l'adresse de connexion (--oauth-issuer, ou celle que nomme la configuration de votre fournisseur) auprès de votre fournisseur.
oauth-cli-registered = Aucun identifiant client n'est configuré pour { $name } : mailsetup s'y est enregistré comme l'application { $id }.
oauth-cli-registered-browser = Une application enregistrée ainsi se connecte par le navigateur.
accounts-label-registered = enregistré
accounts-oauth-registered = par mailsetup lui-même auprès de { $endpoint }, faute d'identifiant client configuré
accounts-label-resource = jetons pour
