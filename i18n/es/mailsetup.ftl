# Mail Setup — español.

## Units and numbers

unit-under-1-ms = menos de 1 ms
unit-ms = { $value } ms
unit-seconds = { $value } s

## Window frame and buttons

header-step = · paso { $step } de { $steps }
page-account = Tu cuenta
page-lookup = Buscando tu proveedor
page-protocol = ¿Cómo quieres leer el correo?
page-testing = Probando tu configuración
page-manual = Configuración manual
page-done = Listo
page-done-keychain-failed = No se pudo guardar la contraseña
page-done-file-failed = No se pudo guardar
page-done-saving = Guardando
nav-next = Siguiente
nav-back = Atrás
nav-cancel = Cancelar
nav-close = Cerrar
nav-try-again = Reintentar
nav-set-up-manually = Configurar a mano
nav-save-account = Guardar cuenta
nav-test-settings = Probar configuración
nav-add-another = Añadir otra cuenta
language-label = Idioma
role-incoming = Correo entrante
role-outgoing = Correo saliente

## Page 1: your account

account-intro = Escribe la dirección y la contraseña de tu correo. Buscaremos los servidores correctos y los probaremos antes de guardar nada.
account-name = Tu nombre (opcional)
account-name-hint = como lo verán los demás
account-email = Dirección de correo
account-did-you-mean = ¿Quisiste decir { $suggestion }?
account-use-suggestion = Usar { $suggestion }
account-password = Contraseña
account-show-password = Mostrar contraseña
account-password-problem = { $problem } Corrige la contraseña y pulsa Siguiente para probar de nuevo.
account-password-missing = Escribe tu contraseña.
account-not-ready = Escribe tu dirección y tu contraseña para continuar.
password-line-break = La contraseña contiene un salto de línea, que no se puede enviar a un servidor de correo (suele colarse al pegarla).
password-nul = La contraseña contiene un carácter NUL, que no se puede enviar a un servidor de correo.
note-before-you-start = Antes de empezar: { $step }
note-app-password-here = Crea una contraseña de aplicación aquí:

## Page 2: looking up the provider

lookup-asking = Preguntando en todos los sitios que pueden conocer los servidores de correo de { $domain }. Suele tardar unos segundos.
lookup-nothing-found = No encontramos una configuración completa para { $domain }.
lookup-nothing-found-advice = Revisa que la dirección esté bien escrita, o introduce los servidores a mano: vienen en las páginas de ayuda de tu proveedor.
lookup-failed = No se pudo hacer la búsqueda.
lookup-waiting = esperando
lookup-found = { $count ->
    [one] 1 servidor encontrado
   *[other] { $count } servidores encontrados
}
lookup-nothing = nada
lookup-source-failed = falló: { $why }
lookup-not-needed = no hizo falta
lookup-starting = Empezando…

## Page 3: IMAP or POP3

protocol-intro = Cuéntanos cómo lees el correo y te sugerimos la opción que mejor encaja:
protocol-one-device = Leo este correo solo en un ordenador
protocol-offline = A menudo necesito el correo sin conexión a internet
protocol-imap-title = IMAP: el correo se queda en el servidor, igual en todas partes
protocol-pop3-title = POP3: el correo se descarga en este ordenador
protocol-recommended = { $title } (recomendado)
protocol-not-available = No disponible: { $why }
protocol-server = Servidor: { $endpoint } ({ $security })
protocol-our-suggestion = Nuestra sugerencia
protocol-provider-says = Lo que dice tu proveedor
protocol-confirm-first = Primero confirma los servidores de la lista.
protocol-imap-text = Tu correo se queda en el servidor del proveedor y esta aplicación lo muestra desde allí. El móvil, el portátil y el correo web ven los mismos mensajes, carpetas y marcas de leído, y lo que borras en uno desaparece en todos. Casi todo necesita conexión con el servidor; el correo reciente suele guardarse para leerlo sin conexión.
protocol-pop3-text = El correo nuevo se descarga en este ordenador, y la aplicación puede dejar o no una copia en el servidor. Todo lo descargado se puede leer sin conexión. Pero las carpetas, las marcas de leído y el correo enviado se quedan solo en este ordenador: los demás dispositivos no los verán.
protocol-no-imap = Este proveedor no ofrece IMAP (ninguno de los sitios consultados indica un servidor IMAP), así que desde esta aplicación el correo no puede estar sincronizado entre dispositivos.
protocol-no-pop3 = Este proveedor no ofrece POP3 (ninguno de los sitios consultados indica un servidor POP3), así que aquí el correo se lee con IMAP.
protocol-why-pop3-only = POP3 es la única forma que ofrece este proveedor para leer el correo.
protocol-why-pop3-one-device-offline = Nos dijiste que lees el correo en un solo dispositivo y a menudo sin conexión: POP3 lo guarda todo en este ordenador, listo para leer sin conexión. Elige IMAP si quizá añadas un móvil más adelante.
protocol-why-pop3-one-device = Nos dijiste que lees el correo en un solo dispositivo: POP3 lo guarda todo en este ordenador, listo para leer sin conexión. Elige IMAP si quizá añadas un móvil más adelante.
protocol-why-pop3-offline = Nos dijiste que a menudo lees el correo sin conexión: POP3 lo guarda todo en este ordenador, listo para leer sin conexión. Elige IMAP si quizá añadas un móvil más adelante.
protocol-why-imap-provider = POP3 podría encajar con tu forma de leer el correo, pero tu proveedor pide IMAP, así que aquí recomendamos IMAP.
protocol-why-imap = IMAP es lo mejor para la mayoría: tu correo es el mismo en todos los dispositivos y no pierdes nada si este ordenador se estropea.
stance-spectrum = Spectrum pide a las aplicaciones de correo que usen IMAP. Su servicio POP3 todavía responde, pero Spectrum lo considera la vía antigua.

## Who gets the password

consent-heading = Tu contraseña se enviará a
consent-recipient = { $role }: { $host } — { $from }
consent-unvouched = Nada de tu proveedor confirma este servidor. Envía tu contraseña allí solo si lo esperabas.
consent-send-to = Enviar mi contraseña a { $host }
consent-problem = Confirma cada servidor marcado abajo antes de que se le envíe tu contraseña.

## Page 4: testing

check-find-server = Encontrar el servidor
check-connect = Conectar
check-secure = Conexión segura
check-greeting = Saludo del servidor
check-sign-in = Iniciar sesión
check-sign-out = Cerrar sesión
row-waiting = esperando
row-running = en curso
row-done = hecho
row-failed = falló
row-not-reached = no se llegó
row-skipped = omitido
row-stopped = detenido
testing-both-work = Los dos servidores funcionan. Pulsa «Guardar cuenta» para conservar esta configuración.
testing-settings-from = Configuración obtenida de: { $sources }
testing-server-heading = { $role } — { $protocol } { $endpoint } ({ $security }, usuario { $user })
testing-not-started = La prueba no pudo empezar.
testing-warning = Aviso: { $text }
testing-server-said = El servidor dijo:
testing-candidates = Servidores encontrados, comprobados sin tu contraseña:
testing-answers = responde
testing-no-answer = no responde
testing-details = Detalles ({ $role })
testing-cause-code = Código de la causa: { $code }
testing-greeting = Saludo: { $greeting }
testing-connected-to = Conectado a { $address }
testing-certificate-verified = certificado verificado
testing-certificate-not-verified = certificado NO verificado
testing-certificate-for = Certificado para { $names } emitido por { $issuer }, válido hasta { $until }
testing-transcript = Registro de la conversación (sin la contraseña)
action-fix-password = Corregir la contraseña
action-create-app-password = Crear una contraseña de aplicación
action-enter-app-password = Escribir una contraseña de aplicación
action-try-security = Probar { $security } en el puerto { $port }
action-try-another-server = Probar otro servidor
action-edit-settings = Editar configuración
action-retry = Reintentar

## The server's certificate

cert-title = El certificado del servidor
cert-trust-explained = Si este servidor es tuyo (o su responsable te ha confirmado la huella de la clave), puedes confiar en esta clave solo para { $host }:{ $port }. Se seguirán comprobando su nombre y sus fechas, y te avisaremos si la clave cambia alguna vez.
cert-trust-key = Confiar en la clave de este servidor
cert-no-names = (ninguno)
cert-valid-range = del { $from } al { $until }
cert-subject = Titular
cert-issued-by = Emitido por
cert-names = Nombres
cert-valid = Validez
cert-sha256 = SHA-256 del certificado
cert-spki-sha256 = SHA-256 de la clave pública

## Sending a test message to oneself

roundtrip-option = Enviarme un mensaje de prueba
roundtrip-option-help = Cuando los dos servidores funcionen, se envía un mensaje real de tu dirección a ti mismo; se borra en cuanto llega.
roundtrip-step-send = Enviar un mensaje de prueba
roundtrip-step-wait = Esperarlo en la bandeja de entrada
roundtrip-step-delete = Borrarlo de nuevo
roundtrip-sending = enviando
roundtrip-sent = enviado
roundtrip-sent-in = enviado en { $seconds }
roundtrip-queue-id = (id. de cola { $queue })
roundtrip-waiting = esperando
roundtrip-arrived-after = llegó tras { $seconds }
roundtrip-deleted = borrado
roundtrip-not-deleted = no se pudo borrar
roundtrip-not-arrived-within = no llegó en { $seconds }
roundtrip-not-sent = no enviado
roundtrip-not-searched = no se pudo buscar en la bandeja de entrada
roundtrip-summary-arrived = El mensaje de prueba llegó a la bandeja de entrada { $seconds } después de enviarlo y se ha borrado.
roundtrip-summary-arrived-not-deleted = El mensaje de prueba llegó a la bandeja de entrada { $seconds } después de enviarlo; no se pudo borrar, bórralo tú, por favor.
roundtrip-summary-not-arrived = El servidor de salida aceptó el mensaje de prueba, pero tras { $seconds } no estaba en la bandeja de entrada. Mira en la carpeta de spam o correo no deseado y revisa los filtros y reenvíos de la cuenta; si aparece más tarde, puedes borrarlo.
roundtrip-summary-not-arrived-queue = El servidor de salida aceptó el mensaje de prueba (id. de cola { $queue }), pero tras { $seconds } no estaba en la bandeja de entrada. Mira en la carpeta de spam o correo no deseado y revisa los filtros y reenvíos de la cuenta; si aparece más tarde, puedes borrarlo.
roundtrip-summary-not-sent = No se pudo enviar el mensaje de prueba: { $summary } { $advice }
roundtrip-summary-not-checked = El mensaje de prueba se envió, pero no se pudo buscar en la bandeja de entrada: { $summary } { $advice }

## Reports for a technician

report-copy = Copiar informe
report-copy-hover = Copia el informe de la prueba (Markdown, sin la contraseña) para una consulta al soporte técnico
report-save = Guardar informe…
report-save-hover = Guarda el informe de la prueba (Markdown, sin la contraseña) en un archivo
report-save-title = Guardar el informe
report-no-dialog = aquí no se pudo abrir ningún diálogo de archivos (hace falta el portal del escritorio o zenity); usa Copiar informe.
report-technician-view = Vista de técnico
report-technician-view-hover = Muestra en directo la conversación con el servidor (sin la contraseña)
report-live-transcript = Conversación con el servidor, en directo ({ $role }, sin la contraseña)
report-nothing-yet = (nada todavía)
report-copied = El informe está en el portapapeles (sin la contraseña).
report-saved = Informe guardado en { $path }.
report-not-saved = No se guardó el informe: { $why }

## Page 5: manual settings

manual-intro = Las páginas de ayuda de tu proveedor indican estos datos. El nombre de usuario suele ser tu dirección de correo completa.
manual-incoming-protocol = Protocolo de entrada:
manual-incoming-server = Servidor de entrada
manual-incoming-port = Puerto de entrada
manual-incoming-user = Usuario de entrada
manual-outgoing-server = Servidor de salida
manual-outgoing-port = Puerto de salida
manual-outgoing-user = Usuario de salida
manual-security = Seguridad:
manual-security-none = Ninguna (inseguro)
manual-accept-plaintext = Enviar mi contraseña sin cifrar. Entiendo que cualquiera en la red entre el servidor y yo (una wifi pública, el proveedor de internet) puede leerla, y también mi correo.
manual-extra-ca-section = Autoridad de certificación (para servidores de empresa)
manual-extra-ca-intro = Solo si el departamento de informática te dio un archivo de certificado para su propio servidor de correo.
manual-extra-ca-file = Archivo de la autoridad de certificación (PEM)
manual-accept-extra-ca = Confiar en todos los certificados que firme esta autoridad. Quien tenga su clave puede leer las conexiones de esta aplicación con estos servidores.
manual-http-warning = Obtenido por HTTP sin cifrar: cualquiera en la red podría haber cambiado la configuración de { $host }. Compruébala con tu proveedor antes de probar.
manual-needs-attention = Hay datos que revisar.
manual-problem-host-missing = Escribe el nombre del servidor, p. ej. imap.example.com.
manual-problem-host-invalid = «{ $host }» no es un nombre de servidor.
manual-problem-port = El puerto es un número del 1 al 65535.
manual-problem-username = Escribe el nombre de usuario (suele ser la dirección de correo completa).
manual-problem-plaintext = Sin cifrado, tu contraseña viaja por la red y cualquiera en el camino puede leerla. Marca la casilla para confirmar que lo quieres así.
manual-problem-extra-ca = Marca la casilla para confirmar que confías en esta autoridad de certificación.

## Page 6: done

done-saving = Guardando: la contraseña en el llavero y después el archivo de la cuenta…
done-set-up = { $email } está configurada.
done-account-file = Archivo de la cuenta
done-password-stored-in = Contraseña guardada en
done-account-id = Id. de la cuenta
done-password-only-in-keychain = La contraseña está solo en el llavero, nunca en el archivo de la cuenta.
done-no-keychain = No se pudo guardar la contraseña: no hay ningún llavero disponible.
done-nothing-saved = No se ha guardado nada. mailsetup nunca guarda tu contraseña en un archivo como alternativa.
done-what-you-can-do = Qué puedes hacer:
done-use-keyutils = Usar el llavero del núcleo de Linux
done-use-keyutils-hover = El llavero del núcleo de Linux (keyutils) guarda las contraseñas en la memoria del núcleo, no en el disco.
done-keyutils-note = El llavero del núcleo guarda las contraseñas en memoria, no en el disco: según el sistema, puede olvidarlas al cerrar la sesión o reiniciar, y las aplicaciones de correo te la volverían a pedir.
done-file-failed = No se pudo escribir el archivo de la cuenta.
done-file-failed-rolled-back = La contraseña se ha quitado otra vez del llavero, así que nada queda guardado a medias.
