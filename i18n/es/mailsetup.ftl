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
manual-accept-plaintext-to = Enviar mi contraseña sin cifrar a { $hosts }. Entiendo que cualquiera en la red entre ese servidor y yo (una wifi pública, el proveedor de internet) puede leerla, y también mi correo.
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

## Why a test failed: one sentence, then what to do (one pair per cause code)

cause-dns-not-found = El nombre del servidor no existe.
cause-dns-not-found-advice = Revisa que el nombre del servidor esté bien escrito. Las páginas de ayuda de tu proveedor indican el correcto.
cause-dns-failed = No se pudo buscar el nombre del servidor.
cause-dns-failed-advice = Comprueba tu conexión (wifi, cable o datos móviles) y vuelve a intentarlo. Si las páginas web abren, puede que los servidores de nombres de tu red o de tu proveedor tengan problemas.
cause-connection-refused = El servidor rechazó la conexión en este puerto.
cause-connection-refused-advice = Seguramente el puerto no es el correcto o el servicio está desactivado. Comprueba el número de puerto en la configuración de tu proveedor.
cause-network-unreachable = Este ordenador no tiene camino por la red hasta el servidor.
cause-network-unreachable-advice = Comprueba tu conexión: ¿está conectada la wifi o el cable, y abren las páginas web? Luego vuelve a intentarlo. Una VPN, o una red que solo deja salir parte del tráfico, también puede causarlo.
cause-connection-timeout = El servidor no respondió al intento de conexión.
cause-connection-timeout-advice = Un cortafuegos, tu red o tu proveedor de internet pueden estar bloqueando este puerto. Prueba desde otra red o revisa el número de puerto.
cause-connection-closed = El servidor cortó a mitad de la conversación.
cause-connection-closed-advice = Vuelve a intentarlo dentro de unos minutos. Si sigue pasando, puede que el servidor esté bloqueando la dirección de este ordenador; contacta con tu proveedor.
cause-greeting-timeout = La conexión se abrió, pero el servidor nunca saludó.
cause-greeting-timeout-advice = Puede que el servidor esté saturado o que algo en la red esté reteniendo la conexión. Inténtalo más tarde o revisa el puerto.
cause-wrong-protocol = Algo respondió en este puerto, pero no es el tipo de servidor de correo esperado.
cause-wrong-protocol-advice = Seguramente el número de puerto no corresponde a este tipo de servidor. Revisa el puerto en la configuración de tu proveedor.
cause-tls-on-plaintext-port = Este puerto espera empezar sin cifrar, pero la conexión estaba configurada para cifrar desde el primer byte.
cause-tls-on-plaintext-port-advice = Cambia la seguridad a STARTTLS para este puerto, o usa el puerto cifrado (993 para IMAP, 995 para POP3, 465 para enviar).
cause-plaintext-on-tls-port = Este puerto espera cifrado desde el primer byte, pero la conexión estaba configurada para empezar sin cifrar.
cause-plaintext-on-tls-port-advice = Cambia la seguridad a SSL/TLS para este puerto.
cause-tls-handshake-failed = No se pudo establecer la conexión segura.
cause-tls-handshake-failed-advice = Puede que el servidor solo admita un cifrado anticuado. Prueba el otro modo de seguridad u otro puerto, y avisa a tu proveedor.
cause-certificate-expired = El certificado de seguridad del servidor ha caducado.
cause-certificate-expired-advice = No envíes tu contraseña a este servidor hasta que lo arreglen. Comprueba la fecha y la hora de tu ordenador; si son correctas, avisa a tu proveedor.
cause-certificate-not-yet-valid = El certificado de seguridad del servidor todavía no es válido.
cause-certificate-not-yet-valid-advice = Comprueba la fecha y la hora de tu ordenador. Si son correctas, avisa a tu proveedor.
cause-certificate-name-mismatch = El certificado de seguridad del servidor es de otro nombre.
cause-certificate-name-mismatch-advice = Puede que el nombre del servidor sea un alias. Usa el nombre que muestra el certificado (ver Detalles) si tu proveedor lo confirma.
cause-certificate-untrusted = El certificado de seguridad del servidor no está firmado por una autoridad en la que confíe este ordenador.
cause-certificate-untrusted-advice = Puede significar que alguien está interceptando la conexión. No sigas en una red pública; pregunta a tu proveedor o a tu departamento de informática qué certificado esperar. Si es tu propio servidor con su propio certificado, compara la huella de su clave (ver Detalles) con la del servidor y confía en esa clave.
cause-starttls-not-offered = El servidor no ofrece cifrar esta conexión.
cause-starttls-not-offered-advice = Tu contraseña no se ha enviado. Usa el puerto SSL/TLS o pregunta a tu proveedor cómo conectarte de forma segura.
cause-starttls-failed = El servidor se negó a pasar esta conexión a cifrada.
cause-starttls-failed-advice = Prueba el puerto SSL/TLS. Si también falla, contacta con tu proveedor.
cause-plaintext-auth-refused = El servidor no acepta contraseñas en una conexión sin cifrar.
cause-plaintext-auth-refused-advice = Activa el cifrado: elige SSL/TLS o STARTTLS en la seguridad.
cause-insecure-connection-refused = La contraseña no se envió porque la conexión no está cifrada.
cause-insecure-connection-refused-advice = Elige SSL/TLS o STARTTLS. Permite una conexión sin cifrar solo si confías en todas las redes entre el servidor y tú.
cause-auth-failed = El servidor no aceptó el nombre de usuario o la contraseña.
cause-auth-failed-advice = Revisa la contraseña (y las mayúsculas) y el nombre de usuario; muchos proveedores piden la dirección de correo completa como usuario. Entra en la web del proveedor para asegurarte de que la contraseña funciona.
cause-unsendable-credentials = El nombre de usuario o la contraseña contienen un salto de línea o un carácter NUL, que no se pueden enviar a un servidor de correo. No se ha enviado nada.
cause-unsendable-credentials-advice = Vuelve a escribir a mano la contraseña (y el usuario); al pegar una contraseña a menudo se cuela el final de la línea.
cause-app-password-required = Esta cuenta necesita una contraseña de aplicación en lugar de tu contraseña normal.
cause-app-password-required-advice = Crea una contraseña de aplicación en los ajustes de seguridad de la cuenta de tu proveedor y escríbela aquí en lugar de tu contraseña normal.
cause-oauth-required = Este proveedor ya no acepta contraseñas de aplicaciones de correo: exige iniciar sesión en su propia página web (OAuth2).
cause-oauth-required-advice = Usa una aplicación de correo que admita el inicio de sesión web de tu proveedor, o pide al administrador que permita entrar con contraseña en esta cuenta.
cause-auth-mechanism-unsupported = El servidor no ofrece ningún método de inicio de sesión que esta aplicación pueda usar.
cause-auth-mechanism-unsupported-advice = Contacta con tu proveedor o con informática y pregunta qué métodos de inicio de sesión admite el servidor.
cause-protocol-disabled = La cuenta existe, pero el acceso desde aplicaciones de correo (IMAP, POP o envío) está desactivado.
cause-protocol-disabled-advice = Activa IMAP/POP (o el envío desde otras aplicaciones) en los ajustes del correo web del proveedor, o pide al administrador que lo permita. Puede que la contraseña sea correcta.
cause-web-sign-in-required = El proveedor ha detenido este inicio de sesión hasta que lo confirmes en su web.
cause-web-sign-in-required-advice = Entra en la web del proveedor con un navegador, confirma que el intento fuiste tú (busca un aviso de seguridad) y vuelve a intentarlo.
cause-too-many-attempts = El proveedor bloquea los inicios de sesión durante un tiempo tras demasiados intentos.
cause-too-many-attempts-advice = Espera antes de volver a intentarlo y asegúrate de que ningún otro dispositivo sigue probando una contraseña antigua. Más intentos ahora pueden alargar el bloqueo.
cause-too-many-connections = Hay demasiados programas o dispositivos conectados a esta cuenta a la vez.
cause-too-many-connections-advice = Cierra la aplicación de correo en otro dispositivo (u otro programa de correo en este), espera unos minutos y vuelve a intentarlo.
cause-password-expired = La contraseña ha caducado.
cause-password-expired-advice = Entra en la web del proveedor, elige allí una contraseña nueva y escríbela aquí.
cause-client-blocked = El servidor rechaza las conexiones desde la dirección de tu red.
cause-client-blocked-advice = Puede que tu dirección de internet esté en una lista de bloqueo por spam. Prueba desde otra red, o pide a tu proveedor de internet o de correo que quite el bloqueo.
cause-server-unavailable = El servidor no está disponible en este momento.
cause-server-unavailable-advice = Suele durar poco. Espera unos minutos y vuelve a intentarlo.
cause-protocol-error = El servidor respondió de una forma que esta aplicación no entiende.
cause-protocol-error-advice = Vuelve a intentarlo. Si sigue pasando, envía los detalles a tu proveedor o a informática.
cause-timeout = El servidor dejó de responder.
cause-timeout-advice = Comprueba tu conexión y vuelve a intentarlo. Puede que el servidor esté saturado.
cause-message-not-arrived = El servidor de salida aceptó el mensaje de prueba, pero no apareció a tiempo en la bandeja de entrada.
cause-message-not-arrived-advice = Puede que hoy el correo vaya lento o que el mensaje haya ido a otra carpeta: mira en la carpeta de spam o correo no deseado y revisa los filtros y reenvíos de la cuenta. Si llega más tarde, puedes borrarlo; su asunto indica que es una prueba.
cause-account-unavailable-incoming = El servidor dice que ahora no se puede usar la cuenta (bloqueada, desactivada, en uso o sin espacio).
cause-account-unavailable-incoming-advice = Entra en la web de tu proveedor para ver qué le pasa a la cuenta, o contacta con tu proveedor.
cause-account-unavailable-outgoing = El servidor dice que ahora la cuenta no puede enviar correo.
cause-account-unavailable-outgoing-advice = Entra en la web de tu proveedor para revisar la cuenta, o contacta con tu proveedor.
cause-certificate-unchecked = No se pudo comprobar el certificado de seguridad del servidor.
cause-certificate-unchecked-advice = Mira los Detalles.
cause-tls-intercepted = Un programa de seguridad o un proxy de la red está interceptando la conexión cifrada: el certificado viene de él, no del servidor de correo.
cause-tls-intercepted-advice = Desactiva en ese producto el análisis de las conexiones cifradas (o del correo), o añade el servidor de correo como excepción, y vuelve a intentarlo. No instales su certificado solo para que esto funcione, salvo que confíes en el producto.
cause-clock-wrong = La fecha y la hora de este ordenador son incorrectas, así que certificados válidos parecen caducados o todavía no válidos.
cause-clock-wrong-advice = Pon bien la fecha, la hora y la zona horaria (activa «Ajustar la hora automáticamente») y vuelve a intentarlo. El servidor no tiene ningún problema.
cause-certificate-changed = El servidor presentó una clave distinta de la que marcaste como de confianza.
cause-certificate-changed-advice = Si el responsable del servidor cambió la clave a propósito, comprueba con él la nueva huella y confía en la nueva clave. Si nadie la cambió, puede que alguien esté interceptando la conexión: no envíes tu contraseña.
cause-captive-portal = Esta red te pide que primero inicies sesión en un navegador.
cause-captive-portal-advice = Abre cualquier página web en el navegador y completa la página de acceso de la red (wifi de hotel, tren, cafetería o invitados: acepta las condiciones o escribe el código de acceso), y vuelve a probar. Hasta entonces la red responde en lugar del servidor de correo; tu contraseña no se ha enviado.
cause-port-blocked = Este puerto no responde en esta red, pero otro puerto del mismo servidor sí.
cause-port-blocked-advice = Usa el otro puerto que se muestra aquí. Las redes de hoteles, centros educativos y oficinas suelen bloquear algunos puertos de correo.

## Where settings came from, and why a host may get the password

source-provider = tabla de proveedores incorporada
source-autoconfig = el servidor de autoconfiguración del proveedor
source-well-known = el archivo de autoconfiguración .well-known del dominio
source-ispdb = la base ISPDB de Mozilla
source-mx = el servidor de correo del dominio (MX)
source-srv = registros de servicio DNS (SRV)
source-guess = nombres de servidor habituales
source-autoconfig-http = autoconfiguración por HTTP sin cifrar
via-table = la tabla de proveedores incorporada: { $provider }
via-per = { $via } (fuente: { $per })
via-mx-table = MX { $mx } → { $domain } → tabla de proveedores incorporada
via-mx-file = MX { $mx } → { $domain } → { $file } { $trail }
via-srv = SRV { $name } → { $target } (prioridad { $priority }, peso { $weight })
via-guess = { $host } existe en el DNS
vouch-own-domain = forma parte del propio { $domain }
vouch-provider = indicado en la tabla de proveedores incorporada de mailsetup
vouch-ispdb = indicado en la ISPDB de Mozilla por una conexión verificada
vouch-published = publicado por { $domain } por una conexión verificada
vouch-autoconfig-file = el archivo de autoconfiguración de { $domain }
vouch-plain-http = obtenido de { $what } por HTTP sin cifrar, que cualquiera en la red podría haber cambiado
vouch-redirected = { $source } redirigió a mailsetup a { $to }, fuera de { $domain }
vouch-srv = encontrado en los registros de servicio DNS (SRV) de { $domain }, sin confirmación de { $domain }
vouch-mx = encontrado a través de los registros MX de { $domain }, sin confirmación de { $domain }
vouch-found-by = encontrado por { $source }, sin confirmación de { $domain }
consent-question = El correo de { $domain } lo gestiona { $host }: { $how }.
source-manual = introducido a mano
consent-entered-by-you = escrito por ti

## How signing in works at a provider

login-password = Inicia sesión con la contraseña normal de la cuenta de correo.
login-password-or-oauth2 = Sirve la contraseña normal de la cuenta de correo; también funciona iniciar sesión en la página del proveedor (OAuth2).
login-app-password = Aquí no sirve la contraseña normal: crea una contraseña de aplicación en la web del proveedor y escribe esa.
login-oauth2-or-app-password = Aquí no sirve la contraseña normal: inicia sesión en la página del proveedor (OAuth2) o crea una contraseña de aplicación y escribe esa.
login-oauth2-only = Este proveedor ha desactivado el inicio de sesión con contraseña: solo funciona iniciar sesión en su página (OAuth2).
login-oauth2-unless-admin-allows = Microsoft desactivó las contraseñas para IMAP, POP y SMTP: tu contraseña solo sirve aquí si el administrador de tu organización lo ha permitido para tu buzón.

## Notes of the built-in provider table (keys follow assets/providers.json: a test checks the English text)

provider-spectrum-note-1 = Spectrum prefiere IMAP; POP3 todavía funciona, pero es la opción antigua.
provider-spectrum-note-2 = El puerto 587 de mobile.charter.net aparece a la vez como cifrado desde el inicio y como STARTTLS; la prueba en directo muestra cuál usa de verdad el servidor.
provider-roadrunner-note-1 = Las direcciones regionales como nombre@nc.rr.com o nombre@tampabay.rr.com usan los mismos servidores (mail.twc.com).
provider-gmail-note-1 = Para una contraseña de aplicación hay que activar antes la verificación en dos pasos en la cuenta de Google.
provider-outlook-note-1 = Microsoft desactivó el inicio de sesión con contraseña para aplicaciones de correo el 16 de septiembre de 2024; solo funciona el inicio de sesión OAuth2.
provider-microsoft365-enable-first = el administrador de tu organización debe permitir el inicio de sesión con contraseña en tu buzón (IMAP, POP y «SMTP autenticado» en Administrar aplicaciones de correo). Pregunta a tu departamento de informática antes de seguir.
provider-microsoft365-note-1 = Las aplicaciones de correo que inician sesión en la página de Microsoft (OAuth2) funcionan sin ayuda del administrador.
provider-icloud-note-1 = iCloud no tiene POP3.
provider-icloud-note-2 = El correo entrante inicia sesión con la parte antes de la @; el saliente, con la dirección completa.
provider-att-note-1 = AT&T llama «secure mail key» a su contraseña de aplicación; la contraseña normal de la cuenta no funciona en aplicaciones de correo.
provider-gmx-net-enable-first = Activa el acceso POP3/IMAP en los ajustes del correo web de GMX antes del primer inicio de sesión.
provider-gmx-com-enable-first = Activa el acceso POP3/IMAP en los ajustes del correo web de GMX antes del primer inicio de sesión.
provider-webde-enable-first = Activa el acceso POP3/IMAP en los ajustes del correo web de WEB.DE antes del primer inicio de sesión.

## The command line's text output (JSON output stays English)

cli-no-servers = No se encontraron servidores que probar para { $email }.
cli-none-tested-unconfirmed = No se probó ningún servidor para { $email }: los servidores encontrados necesitan tu confirmación.
cli-verified-count = { $total ->
    [one] { $ok } de 1 servidor verificado para { $email }.
   *[other] { $ok } de { $total } servidores verificados para { $email }.
}
cli-saved = Guardada como cuenta «{ $id }» en { $file }; la contraseña está en { $keychain }.
cli-saved-oauth = Guardada como cuenta «{ $id }» en { $file }; el inicio de sesión (su token de actualización) está en { $keychain }.
cli-no-accounts = No hay cuentas guardadas en { $folder }.
cli-removed = Eliminada { $id } ({ $email }).
cli-entries-left = { $store } no se modificó: puede que sigan ahí las entradas { $incoming } y { $outgoing }.
cli-oauth-not-revoked-advice = La cuenta se quita de mailsetup de todos modos, pero el proveedor sigue aceptando su inicio de sesión hasta que caduque. Para terminarlo ahora, inicia sesión en tu cuenta en { $issuer } y quita el acceso de mailsetup en la configuración de seguridad o de aplicaciones conectadas.
cli-oauth-no-keychain = no se pudo abrir el llavero, así que no se pudo leer el token de actualización guardado para devolverlo
cli-oauth-not-revoked = aviso: no se pudo terminar el inicio de sesión en { $issuer } ({ $code }): { $summary }
cli-oauth-revoked = Se terminó el inicio de sesión en { $issuer }: el token de actualización guardado ya no sirve allí.
cli-check-failed = Sin verificar: la configuración guardada no funciona tal como está.
cli-check-passed = Verificada: la configuración guardada funciona.
cli-server-said = el servidor dijo: { $reply }
cli-what-to-do = qué hacer: { $advice }
cli-discovered = { $count ->
    [one] Configuración de { $email } encontrada en { $ms } ms (1 candidato).
   *[other] Configuración de { $email } encontrada en { $ms } ms ({ $count } candidatos).
}
cli-provider = Proveedor: { $name }
cli-unknown = desconocido
cli-found-by = encontrado por { $sources }
cli-no-server-found = no se encontró ningún servidor

## What is wrong with a typed address

address-empty = La dirección de correo está vacía
address-missing-at = «{ $address }» no tiene @: una dirección de correo tiene la forma nombre@example.com
address-empty-local = «{ $address }» no tiene nada antes de la @
address-empty-domain = «{ $address }» no tiene nada después de la @
address-whitespace = «{ $address }» contiene un espacio o un carácter de control
address-several-at = «{ $address }» tiene más de una @
address-invalid-domain = El dominio «{ $domain }» no es un nombre de internet válido ({ $reason })
address-no-dot = El dominio «{ $domain }» no tiene punto: los dominios de correo tienen la forma example.com
address-too-long = La dirección de correo tiene más de 254 caracteres

## A provider's own advice, added to the advice for a cause

provider-access-smtp = el envío desde aplicaciones de correo
provider-access-imap-pop = el acceso IMAP/POP
provider-only-app-passwords = { $name } solo acepta contraseñas de aplicación desde aplicaciones de correo, no la contraseña normal.
provider-create-one-at = Crea una en { $url }.
provider-also-refuses = { $name } también rechaza la contraseña mientras { $access } esté desactivado: compruébalo en { $url }.
provider-settings-help = Ayuda de { $name } sobre la configuración: { $url }
provider-create-app-password-at = { $name }: crea la contraseña de aplicación en { $url }.
provider-help = Ayuda de { $name }: { $url }
provider-switch-on = { $name }: activa { $access } en { $url }.
provider-help-on-this = Ayuda de { $name } sobre esto: { $url }
provider-lockout = { $name } quita este bloqueo por sí solo, { $when }.
provider-max-connections = { $name } permite unas { $count } conexiones a la vez por cuenta.
provider-status = { $name } informa de las incidencias conocidas en { $url }.
admin-authenticated-smtp = Pide al administrador de Microsoft 365 de tu organización que active «SMTP autenticado» para tu buzón (Centro de administración de Microsoft 365 → Usuarios → Usuarios activos → tu nombre → Correo → Administrar aplicaciones de correo) y que compruebe que SMTP AUTH no está desactivado para toda la organización.
admin-password-sign-in-off = Microsoft 365 desactivó el inicio de sesión con contraseña para las aplicaciones de correo: pregunta al administrador de tu organización si se puede permitir para tu buzón (IMAP, POP y «SMTP autenticado» en Administrar aplicaciones de correo, y los valores predeterminados de seguridad), o usa una aplicación de correo que inicie sesión en la página de Microsoft.
network-no-encryption = sin cifrado
network-port-refused = El puerto { $port } rechaza las conexiones; el puerto { $other } del mismo servidor funciona.
network-port-blocked = El puerto { $port } está bloqueado en esta red (no responde); el puerto { $other } del mismo servidor funciona.
network-change-port = Cambia el puerto a { $other } con seguridad { $security }.
network-other-port-silent = El puerto { $other } del mismo servidor tampoco responde.

## `mailsetup discover`: what was found, and where

trust-trusted = de confianza
trust-dns = por DNS
trust-guess = supuesto
trust-insecure = fuente insegura, necesita confirmación
username-full-address = la dirección de correo completa
username-local-part = la parte antes de la @
username-other = un nombre de usuario especial
discover-servers-for = Servidores para { $email } (dominio { $domain })
discover-provider = Proveedor: { $name } (reconocido por { $matched })
discover-oauth2 = Inicio de sesión OAuth 2.0: { $issuer } (indicado por { $via }; { $trust })
discover-app-passwords = Las contraseñas de aplicación se crean en { $url }
discover-before-first = Antes del primer inicio de sesión: { $step }
discover-username = Usuario { $protocol }: { $form }
discover-note = Nota: { $note }
discover-imap = Correo entrante, IMAP
discover-pop3 = Correo entrante, POP3
discover-smtp = Correo saliente, SMTP
discover-user = usuario
discover-from = de { $sources }
discover-needs-confirmation = necesita confirmación antes de enviar allí la contraseña: { $question }
discover-nothing-found = (no se encontró nada)
discover-disagree = Donde las fuentes no coinciden
discover-claim-recommended = { $says } (recomendado), según { $by }
discover-claim-not-recommended = { $says } (no recomendado), según { $by }
discover-sources = Fuentes
discover-status-found = encontrados { $count }
discover-status-timed-out = sin respuesta a tiempo
discover-status-cut-short = detenida (ya hay una respuesta de confianza completa)
discover-none = ninguno
discover-timing = primer candidato tras { $first }, terminado tras { $ms } ms
discover-why-no-such-name = { $place } no existe
discover-why-lookup-failed = falló la búsqueda del nombre { $place }
discover-why-timeout = { $place } no respondió en { $seconds } s
discover-why-no-answer = sin respuesta en { $seconds } s
discover-why-refused = nada responde en { $place } (conexión rechazada)
discover-why-connect = no se pudo conectar con { $place }
discover-why-tls = falló la conexión segura con { $place }
discover-why-http-status = { $place } respondió con el error HTTP { $status }
discover-why-too-large = la respuesta de { $place } es demasiado grande
discover-why-redirects = { $place } redirige demasiadas veces o en bucle
discover-why-insecure-redirect = { $place } redirige de HTTPS a HTTP sin cifrar, y esa redirección no se sigue
discover-why-failed = falló la petición a { $place }
discover-why-setup = la búsqueda no pudo empezar en este equipo
discover-why-bad-file = el archivo de configuración de { $place } no se puede usar
## On-screen text of the command line (--json and the --report document stay English)
cli-error = error: { $message }
cli-warning = aviso: { $message }
cli-no-runtime = no se pudo iniciar el entorno de ejecución asíncrono: { $error }
cli-output-failed = no se pudo escribir la salida: { $error }
cli-force-hint = (--force quita la cuenta de la lista de todos modos)
cli-check-time-not-recorded = la comprobación fue correcta, pero no se pudo guardar su hora: { $error }
cli-check-diagnosis = { $summary } ({ $cause }, en: { $step })
cli-report-not-written = no se pudo escribir el informe en { $file }: { $error }
cli-json-not-written = no se pudo escribir el JSON: { $error }
server-line = { $protocol } { $endpoint } ({ $security }, usuario { $user })
accounts-label-incoming = entrante
accounts-label-outgoing = saliente
accounts-label-also-ok = también vale
accounts-label-settings = ajustes
accounts-label-verified = comprobada
accounts-label-sign-in = inicio de sesión
accounts-label-password = contraseña
accounts-label-trusts = confía en
accounts-label-warning = aviso
accounts-label-key = clave
accounts-server-signed-in = { $server }, inicio de sesión con { $mechanism }
accounts-trusts-ca = la autoridad de certificación de { $file }
accounts-plaintext = la contraseña puede enviarse sin cifrar
accounts-pinned-key = de confianza por su huella: { $pin }
source-kind-autoconfig = autoconfiguración del proveedor
source-kind-ispdb = base de datos de proveedores
source-kind-srv = registros DNS SRV
source-kind-mx = registros MX
source-kind-guess = nombres de servidor probados
source-with-detail = { $source } ({ $detail })
report-text-server = { $server } — { $verdict } en { $ms } ms
report-label-cause = causa
report-label-advice = consejo
report-label-server = servidor
report-label-detail = detalle
report-label-trust = confiar
report-label-by-hand = a mano
report-label-greeting = saludo
report-label-sign-in = sesión
report-label-mailbox = buzón
report-tls-not-completed = negociación no completada
report-tls-verified = { $version }, { $cipher }, certificado verificado
report-tls-not-verified = { $version }, { $cipher }, certificado NO verificado
report-sign-in-offered = ofrecidos: { $mechanisms }
report-sign-in-used = usado: { $mechanism }
report-sign-in-why = por qué: { $reason }
report-mailbox-messages = { $count ->
    [one] { $count } mensaje
   *[other] { $count } mensajes
}
report-trust-pin = si este es su propio servidor y la clave de arriba es la suya: --pin-sha256 { $pin }
report-transcript = transcripción:
report-round-trip = Ida y vuelta — { $verdict }
report-label-message = mensaje
step-resolve = encontrar el servidor
step-connect = conectar
step-tls = conexión segura
step-greeting = saludo del servidor
step-capabilities = capacidades
step-starttls = conexión segura (STARTTLS)
step-authenticate = iniciar sesión
step-mailbox = abrir el buzón
step-logout = cerrar sesión
step-port-check = comprobar qué habla el puerto
step-send-message = enviar un mensaje de prueba
step-find-message = buscar el mensaje de prueba
step-delete-message = borrar el mensaje de prueba
step-network-check = comprobar la red

## Testing, continued

testing-not-sent-unconfirmed = Tu contraseña no se envió a { $host }: confirma primero este servidor.
testing-password-refused = El servidor no aceptó la contraseña.
testing-nothing-tested = No se pudo probar ningún servidor.

## Iniciar sesión con el proveedor (OAuth 2.0)

oauth-sign-in-with = Iniciar sesión con { $provider }
oauth-sign-in-intro = { $provider } te permite iniciar sesión en su propia página, en tu navegador, en lugar de escribir aquí tu contraseña.
oauth-waiting = Esperándote en el navegador… Termina allí de iniciar sesión con { $provider }.
oauth-cancel = Cancelar inicio de sesión
oauth-signed-in = Sesión iniciada con { $provider }.
oauth-cancelled = Se canceló el inicio de sesión.
oauth-denied = No se permitió el acceso en la página de { $provider }. Empieza de nuevo y elige Permitir cuando { $provider } pregunte si mailsetup puede usar tu correo.
oauth-wrong-account = En el navegador se eligió otra cuenta distinta de la dirección que escribiste. Inicia sesión de nuevo y elige la cuenta de esta dirección.
oauth-no-client-id = Para iniciar sesión con { $provider } hace falta un ID de cliente: primero hay que registrar mailsetup en { $provider } como aplicación de escritorio. Regístrala (el README explica cómo hacerlo con Google y Microsoft) y luego indica el ID en la variable de entorno MAILSETUP_OAUTH_CLIENT_ID o en oauth.json, en la carpeta de configuración.
oauth-timeout = No se terminó de iniciar sesión a tiempo. Empieza de nuevo y complétalo en el navegador.
oauth-failed = No se pudo iniciar sesión con { $provider }.
oauth-details = Qué pasó: { $summary }
oauth-use-code = Usar un código en otro dispositivo
oauth-browser-failed = No se pudo abrir el navegador web en este ordenador. Inicie sesión con un código en otro dispositivo.
oauth-code-asking = Pidiendo un código a { $provider }…
oauth-code-open = En su teléfono u otro ordenador, abra esta página:
oauth-code-copy-address = Copiar dirección
oauth-code-enter = Allí, escriba este código:
oauth-code-name = Código que escribir: { $code }
oauth-code-copy = Copiar código
oauth-code-expires = El código vale { $time } más.
oauth-code-expired-now = El código ya no vale.
oauth-code-waiting = Esperando la aprobación…
oauth-code-expired = El código caducó antes de escribirse. Pida un código nuevo y escríbalo poco después de que aparezca.
oauth-code-new = Pedir un código nuevo
oauth-no-refresh-token = El proveedor no entregó un token de actualización, así que el inicio de sesión no podría renovarse más adelante. No se guardó nada.
## Signing in through the provider's page (OAuth 2.0)

oauth-error-no-client-id = para iniciar sesión con { $provider } a través de su página hace falta un ID de cliente registrado en { $provider }, y no hay ninguno configurado
oauth-error-no-issuer = no se conoce ningún inicio de sesión OAuth 2.0 para { $provider }
oauth-error-unconfirmed-issuer = { $via } indica { $issuer } como lugar para iniciar sesión, pero ese archivo llegó por una conexión que no puede garantizarlo, así que no se usa sin tu confirmación
oauth-error-no-endpoint = { $issuer } no ofrece { $what }
oauth-error-insecure = { $url } no es una dirección HTTPS; OAuth 2.0 necesita una conexión cifrada
oauth-error-malformed = { $url }: respuesta inesperada: { $detail }
oauth-error-denied = el inicio de sesión se rechazó en la página del proveedor
oauth-error-wrong-state = la respuesta del navegador no pertenece a este inicio de sesión (su valor state es distinto)
oauth-error-device-code-expired = el código para iniciar sesión caducó antes de que se aprobara
oauth-error-invalid-grant = el proveedor ya no acepta el inicio de sesión guardado
oauth-error-wrong-account = el proveedor inició sesión como { $got }, no como { $expected }
oauth-error-refused = { $url }: el proveedor se negó: { $code }
oauth-error-timed-out = no hubo respuesta del inicio de sesión en { $after }
oauth-error-browser = no se pudo abrir el navegador ({ $command }): { $detail }
oauth-error-listener = no se pudo esperar la respuesta del navegador en 127.0.0.1: { $detail }
oauth-error-provider-said = (el proveedor dijo: { $text })
oauth-error-no-client-id-advice = Un programa que inicia sesión a través de la página de un proveedor tiene que estar registrado en ese proveedor, que le da un ID de cliente. Registra mailsetup como aplicación de escritorio en el proveedor (el README explica cómo hacerlo con Google y Microsoft) y luego indica el ID en la variable de entorno MAILSETUP_OAUTH_CLIENT_ID o con --oauth-client-id.
oauth-error-no-issuer-advice = mailsetup no conoce la página de inicio de sesión de este proveedor. Usa una contraseña (o una contraseña de aplicación) si el proveedor lo permite, o indica la dirección de inicio de sesión del proveedor con --oauth-issuer.
oauth-error-unconfirmed-issuer-advice = Si { $issuer } es de verdad el inicio de sesión de tu proveedor, vuelve a ejecutar con --oauth-issuer { $issuer } (y los scopes con --oauth-scope); si no, pregunta a tu proveedor dónde iniciar sesión.
oauth-error-no-endpoint-advice = El proveedor no ofrece esta forma de iniciar sesión. Prueba la otra (--browser o, sin esa opción, el código que se muestra en otro dispositivo).
oauth-error-insecure-advice = Las direcciones de inicio de sesión deben empezar por https://. Revisa la dirección de inicio de sesión del proveedor.
oauth-error-unreachable-advice = No se pudo contactar con el servicio de inicio de sesión del proveedor. Revisa la conexión y vuelve a intentarlo.
oauth-error-refused-advice = El servicio de inicio de sesión del proveedor se negó o respondió de forma extraña. Vuelve a intentarlo; si sigue pasando, puede que el registro de la aplicación en el proveedor esté mal (ID de cliente, redirección permitida o permisos).
oauth-error-denied-advice = No se permitió el acceso en la página del proveedor. Empieza de nuevo y elige Permitir (o Aceptar) cuando el proveedor pregunte si mailsetup puede usar tu correo.
oauth-error-wrong-state-advice = La respuesta del navegador venía de otro intento de inicio de sesión o fue manipulada. Cierra las pestañas de inicio de sesión antiguas y empieza de nuevo.
oauth-error-device-code-expired-advice = El código no se introdujo a tiempo. Empieza de nuevo e introduce el nuevo código poco después de que aparezca.
oauth-error-invalid-grant-advice = El inicio de sesión guardado caducó o se retiró (una contraseña cambiada, o la aplicación quitada de los ajustes de seguridad de la cuenta). Vuelve a iniciar sesión en la página del proveedor.
oauth-error-wrong-account-advice = En el navegador se eligió otra cuenta distinta de la dirección que se está configurando. Vuelve a iniciar sesión y elige la cuenta correcta (si hace falta, cierra antes la sesión de la otra en el navegador).
oauth-error-timed-out-advice = El inicio de sesión no se terminó a tiempo. Empieza de nuevo y complétalo en el navegador.
oauth-error-browser-advice = Abre a mano la dirección que se muestra en un navegador web, o usa el inicio de sesión con código (sin --browser).
oauth-error-local-advice = Algo en este ordenador detuvo el inicio de sesión. Vuelve a intentarlo o usa el inicio de sesión con código (sin --browser).
oauth-cli-failed = Falló el inicio de sesión con el proveedor ({ $code }): { $summary }
oauth-cli-opening-browser = Abriendo la página de inicio de sesión de { $name } en el navegador; termina de iniciar sesión allí.
oauth-cli-open-by-hand = No se pudo abrir el navegador. Abre esta dirección a mano:
oauth-cli-no-device-flow = nota: { $name } no permite acceder al correo con un código; si se rechaza el inicio de sesión, usa --browser.
oauth-cli-enter-code = Para iniciar sesión, abre { $url } e introduce el código { $code }
oauth-cli-or-open = (o abre { $url }, que ya lleva el código)
oauth-cli-waiting = Esperando a que se apruebe el inicio de sesión …
oauth-cli-no-token-in-env = la variable de entorno { $var } no contiene ningún token
oauth-cli-no-secret-in-env = la variable de entorno { $var } no contiene ningún secreto de cliente
oauth-cli-issuer-needs-scopes = --oauth-issuer necesita los permisos (scopes) que se deben pedir: indica --oauth-scope
oauth-cli-issuer-discovered = Iniciando sesión en { $issuer }, indicado por { $via }
oauth-cli-discovered-needs-scopes = el inicio de sesión que encontró la búsqueda no indica scopes: indícalos con --oauth-scope
oauth-cli-mechanism = «{ $text }»: usa oauthbearer o xoauth2
oauth-cli-renew-not-kept = aviso: el proveedor renovó el inicio de sesión, pero el llavero no pudo guardarlo: { $error }
oauth-cli-no-refresh-token = no se guardó: el proveedor no dio ningún token de actualización, así que el inicio de sesión no se podría renovar más adelante (pide acceso sin conexión: el scope offline_access)
cause-oauth-scope-missing = El inicio de sesión de la página del proveedor no incluye permiso para usar el correo.
cause-oauth-scope-missing-advice = Vuelve a iniciar sesión en la página del proveedor y permite el acceso al correo cuando te lo pregunte. Si no aparece ese permiso, le falta al registro de la aplicación en el proveedor.
cause-oauth-token-rejected = El servidor no aceptó el inicio de sesión de la página del proveedor (rechazó su token de acceso).
cause-oauth-token-rejected-advice = Vuelve a iniciar sesión en la página del proveedor. Si sigue fallando, puede que el inicio de sesión sea de otra cuenta distinta de esta dirección, o que el proveedor haya retirado el acceso a esta aplicación: revisa las aplicaciones permitidas en los ajustes de seguridad de la cuenta.
cause-oauth-scope-asked = El servidor pide el permiso (scope) «{ $scope }».
cause-oauth-names-service = Indica que su servicio de inicio de sesión está en { $url }.

## What a screen reader hears beyond the visible text

window-title = Configurar correo
a11y-scroll-page = Desplazar la página
a11y-scroll-transcript = Desplazar la transcripción
a11y-status-line = { $label }: { $status }
a11y-test-line = { $role } — { $item }: { $status }

## Why the keychain could not keep the password (the Done page)

keychain-problem = { $store }: { $reason }.
keychain-no-session-bus = no se puede contactar con el Secret Service: no hay bus de sesión D-Bus ({ $detail })
keychain-no-session-bus-advice = Ejecuta mailsetup dentro de tu sesión de escritorio, o inicia un bus de sesión con un servicio de llavero (dbus-run-session); o guarda la contraseña en el llavero del kernel (keyutils).
keychain-no-secret-service = no hay ningún Secret Service en marcha en el bus de sesión ({ $detail })
keychain-no-secret-service-advice = Instala e inicia GNOME Keyring (gnome-keyring-daemon) o KWallet con su interfaz Secret Service activada; o guarda la contraseña en el llavero del kernel (keyutils).
keychain-locked = el llavero está bloqueado y no se pudo desbloquear aquí (no se pudo mostrar la petición de desbloqueo, o se cerró)
keychain-locked-advice = Desbloquéalo (inicia sesión en el escritorio o abre «Contraseñas y claves») y vuelve a intentarlo.
keychain-no-default-keyring = el Secret Service aún no tiene llavero predeterminado y no pudo pedirte que crearas uno (no se pudo mostrar la petición)
keychain-no-default-keyring-advice = Crea uno en «Contraseñas y claves» (Seahorse), o inicia gnome-keyring-daemon con --unlock, y vuelve a intentarlo.
keychain-access-denied = { $store } no dejó a mailsetup acceder a sus contraseñas ({ $detail })
keychain-access-denied-advice = Permite mailsetup en los ajustes del llavero y vuelve a intentarlo.
keychain-no-session-keyring = el llavero del kernel (keyutils) no tiene un llavero de sesión utilizable en esta sesión
keychain-no-session-keyring-advice = Ejecuta mailsetup desde una sesión normal, o inicia una con `keyctl session -`.
keychain-not-found = { $store } no tiene contraseña para { $entry }
keychain-not-found-advice = Vuelve a guardar la cuenta para guardarla.
keychain-unsupported = { $store } no está disponible en este sistema
keychain-unsupported-advice = Usa { $default }.
keychain-too-long = la contraseña es demasiado larga para { $store } ({ $detail })
keychain-too-long-advice = Guárdala en otro llavero.
keychain-bad-encoding = la contraseña que { $store } guarda para { $entry } no es un texto válido
keychain-bad-encoding-advice = Vuelve a guardar la cuenta.
keychain-failed = { $store } falló: { $detail }
keychain-failed-advice = Vuelve a intentarlo; si vuelve a fallar, cierra la sesión del escritorio y entra de nuevo.
keychain-task = la tarea del llavero se detuvo de forma inesperada: { $detail }
keychain-task-advice = Vuelve a intentarlo.

## Store errors on the command line (`accounts`, `diagnose --save`); `keychain-words` joins a keychain error's reason and advice

keychain-words = { $reason }. { $advice }
store-invalid = la cuenta no se puede guardar: { $detail }
store-not-found = ninguna cuenta guardada tiene el identificador «{ $id }» (`mailsetup accounts list` las muestra)
store-wrong-keychain = la cuenta «{ $id }» guarda su contraseña en { $saved_in }, no en { $given }: usa --keychain { $word }
store-rollback-failed = { $cause }. Tampoco se pudo dejar el llavero como estaba ({ $undo }): elimina a mano la entrada { $entry } en el gestor del llavero
store-no-config-dir = no se encontró ninguna carpeta de configuración para este usuario (¿sin carpeta personal?): indica --config-dir CARPETA o define { $env }
store-task = la tarea de almacenamiento se detuvo de forma inesperada: { $detail }
store-cancelled = se canceló el guardado; no se guardó nada

## Network checks (IPv4 / IPv6) and lockouts of the provider table

network-attempt-connected = funciona
network-attempt-refused = rechaza la conexión
network-attempt-no-route = no tiene ruta desde este ordenador
network-attempt-unreachable = no es accesible
network-attempt-no-answer = no responde
network-attempt-failed = falla
network-family-result = { $family } { $result }
network-family-summary = { $summary } ({ $results }.)
network-family-warning = { $broken } hacia este servidor { $result } ({ $address }); { $works } funciona. Los programas que prueban primero { $broken } pueden tardar en conectarse o no conectarse: avisa al administrador de la red o al proveedor de correo.
provider-gmail-lockout = normalmente en menos de una hora y como mucho a las 24 horas

## Where discovery sources disagree

discover-disagree-username = Las fuentes indican nombres de usuario distintos para { $server }; se prueba el de la fuente más fiable.
discover-disagree-security = Las fuentes no coinciden en si { $protocol } en { $host }:{ $port } empieza con TLS o pasa a STARTTLS; se prueban las dos y la prueba real muestra cuál usa el servidor.
discover-disagree-port = Las fuentes indican puertos distintos para { $protocol } en { $host }; se prueba primero el mejor situado y decide la prueba real.
provider-spectrum-disputed-1 = El puerto 110 es el puerto sin cifrar (STLS) de POP3, así que «110 con SSL» no puede funcionar tal cual; POP3 con TLS usa el 995, y el servidor actual es mobile.charter.net:995. Además, pop.charter.net:110 se quitó del ISPDB de Mozilla en 2023.
provider-spectrum-disputed-2 = El puerto 143 es IMAP sin cifrado (como mucho STARTTLS); a los servidores de Spectrum se llega por el 993 con TLS desde el principio.
provider-spectrum-disputed-1-by = un artículo muy copiado sobre la configuración de Spectrum
provider-spectrum-disputed-2-by = un artículo muy copiado sobre la configuración de Spectrum
provider-spectrum-server-3-per = Mozilla ISPDB
provider-spectrum-server-4-per = las páginas de ayuda de Spectrum

## The command line's errors

cli-password-prompt = Contraseña:
cli-password-empty = la contraseña está vacía
cli-env-not-set = la variable de entorno { $var } no está definida
cli-env-not-utf8 = la variable de entorno { $var } no es UTF-8 válido
cli-password-stdin-failed = no se pudo leer la contraseña de la entrada estándar: { $error }
cli-no-terminal = no se dio ninguna contraseña y no hay terminal donde pedirla: usa --password-stdin o --password-env VAR
cli-password-prompt-failed = no se pudo leer la contraseña desde el terminal: { $error }
cli-timeout-invalid = --timeout debe ser un número de segundos mayor que 0 y como mucho 600, no { $value }
cli-not-saved-unverified = no se guardó: no se verificaron todos los servidores
cli-not-saved = no se guardó: { $error }

## `accounts list`: an account that signs in through its provider's page

accounts-oauth-sign-in = OAuth 2.0 con { $issuer } (cliente { $client }); el token de actualización está en { $keychain }

## Round trip and OAuth safety

roundtrip-summary-left-flagged = El mensaje de prueba llegó a la bandeja de entrada { $seconds } después de enviarse. Queda marcado como eliminado; tu programa de correo lo quitará la próxima vez que haga limpieza. Quitarlo ahora habría quitado también otros mensajes que marcaste como eliminados.
roundtrip-left-flagged = queda marcado como eliminado; tu programa de correo lo quitará en la próxima limpieza
report-label-sign-ins = inicios de sesión
oauth-error-redirect-refused = { $url } respondió con una redirección; no se siguió, así que no se envió nada a otra dirección
oauth-error-redirect-refused-advice = Un servicio de inicio de sesión que manda las solicitudes de tokens a otro sitio está mal configurado o no es del proveedor. Revisa la dirección del emisor (--oauth-issuer) y pregunta al proveedor cuál usar.
## Boundaries and consent

discover-why-bad-host = los ajustes de { $place } indican un servidor que no es un nombre de host válido, así que se rechazaron
discover-why-bad-issuer = el archivo de configuración de { $place } indica un servidor de inicio de sesión que no es una dirección https de un host válido, así que se rechazó
discover-why-private-redirect = { $place } redirigió a una dirección de este equipo o de su red local, y esa redirección no se sigue
cli-plaintext-needs-host = --allow-plaintext sin host solo cubre los servidores indicados con --imap, --pop3 o --smtp; para servidores descubiertos indique el host: --allow-plaintext HOST
cli-plaintext-bad-host = --allow-plaintext { $host }: indique un nombre de host
keychain-no-answer = el { $store } no respondió en { $seconds } s
keychain-no-answer-advice = Si una ventana pide una contraseña para desbloquearlo, respóndala y vuelva a intentarlo; si nada lo pide, cierre la sesión del escritorio y vuelva a entrar.
accounts-entries-elsewhere = las entradas del llavero de { $id } se guardaron desde otra carpeta de configuración (esta se copió o se movió): la copia y el original las comparten, así que quitar o guardar la cuenta aquí también las cambia allí
## Hand-off: the account in other mail programs (src/export, src/flow/export.rs, src/cli/export.rs, the Done page)

export-format-tfa = código QR para Thunderbird para Android
export-format-dclogin = código QR para Delta Chat
export-format-mobileconfig = perfil de configuración de Apple
export-format-autoconfig = archivo autoconfig
export-oauth-not-carried = el { $format } no puede llevar una cuenta que inicia sesión a través de su proveedor (OAuth 2.0): inicie sesión con el proveedor en el otro dispositivo
export-non-ascii-address = el { $format } solo lleva direcciones escritas con caracteres ASCII simples, y { $address } no lo está
export-password-required = el { $format } siempre contiene la contraseña, así que solo se crea si incluye la contraseña
export-imap-required = el { $format } necesita un servidor IMAP, y no se verificó ninguno para esta cuenta POP3
export-bad-host = «{ $host }» no es un nombre de servidor que un programa de correo pueda usar
export-control-character = { $field } contiene un carácter de control (como un salto de línea)
export-field-name = el nombre
export-field-address = la dirección de correo
export-field-incoming-host = el nombre del servidor de entrada
export-field-outgoing-host = el nombre del servidor de salida
export-field-incoming-user = el usuario de entrada
export-field-outgoing-user = el usuario de salida
export-field-password = la contraseña
export-invalid = la cuenta no se puede exportar: { $reason }
export-too-large = el código tendría { $bytes } bytes, más de lo que cabe en un código QR ({ $max })
export-png-failed = no se pudo crear la imagen del código QR: { $reason }
export-sign-unreadable = { $path }: { $reason }
export-sign-no-openssl = no se pudo iniciar openssl, que firma el perfil ({ $reason }): instálelo (Debian: apt-get install openssl)
export-sign-failed = openssl no pudo firmar el perfil: { $reason }
export-sign-timed-out = openssl no terminó de firmar en { $seconds } segundos
export-profile-mail-name = Correo: { $email }
export-profile-name = Cuenta de correo { $email }
export-profile-description = Añade la cuenta { $email } a Mail con los ajustes que Mail Setup verificó.
export-not-written = no se pudo escribir { $path }: { $reason }
export-password-warning = Quien vea este código o este archivo puede leer su correo y enviar mensajes en su nombre.
export-cli-goa-flags = --out, --payload y --sign-* no se aplican a --format goa
export-cli-payload-qr-only = --payload es solo para los formatos QR (tfa-qr, dclogin-qr)
export-cli-sign-profile-only = --sign-cert y --sign-key solo firman un perfil mobileconfig
export-cli-autoconfig-no-password = un archivo autoconfig sirve a todo el dominio y nunca contiene una contraseña: quite --with-password
export-cli-oauth-no-password = esta cuenta inicia sesión a través de su proveedor: no se exporta ninguna contraseña, el otro dispositivo inicia sesión por sí mismo
export-cli-qr-caption = { $format }: versión QR { $version } ({ $size }×{ $size } módulos). Escanéelo con la aplicación.
export-cli-unsigned = El perfil no está firmado: los dispositivos lo muestran como «No verificado». Fírmelo con --sign-cert y --sign-key.
export-cli-written = { $format } escrito en { $path }.
export-cli-publish-at = Publique el archivo en:
export-cli-srv-records = O publique estos registros DNS SRV (RFC 6186) en la zona del dominio:
export-cli-goa-added = Añadida a Cuentas en línea de GNOME: { $path }
handoff-heading = Usar esta cuenta en otros dispositivos y aplicaciones
handoff-phone = Su teléfono
handoff-thunderbird = Thunderbird
handoff-deltachat = Delta Chat
handoff-thunderbird-hint = En Thunderbird en su teléfono, elija importar los ajustes desde otro dispositivo y escanee este código.
handoff-deltachat-hint = En Delta Chat, añada una cuenta, elija escanear un código y escanee este.
handoff-include-password = Incluir mi contraseña en el código
handoff-include-password-profile = Incluir mi contraseña en el perfil
handoff-show-code = Mostrar el código
handoff-hide-code = Ocultar el código
handoff-code-hidden = Este código contiene su contraseña, así que queda oculto hasta que elija mostrarlo.
handoff-making = Creando el código…
handoff-qr-name = Código QR para { $format }
handoff-apple = iPhone, iPad o Mac
handoff-apple-hint = Un archivo de perfil: ábralo en el dispositivo y confírmelo en Ajustes. No está firmado, así que el dispositivo lo marca como «No verificado».
handoff-save-profile = Guardar perfil…
handoff-gnome = GNOME (Evolution, Geary)
handoff-gnome-hint = Añade la cuenta a las cuentas en línea del escritorio, donde la encuentran los programas de correo de GNOME.
handoff-gnome-add = Añadir
handoff-gnome-added = Añadida a Cuentas en línea de GNOME.
handoff-admin = Para quien administra su dominio
handoff-admin-hint = Un archivo autoconfig: publicado en el servidor web del dominio, permite que los programas de correo encuentren estos ajustes por sí solos.
handoff-save-autoconfig = Guardar autoconfig…
handoff-saved = Guardado en { $path }.
handoff-not-saved = No guardado: { $reason }
handoff-save-title = Guardar el archivo

## GNOME Online Accounts

goa-not-available = Cuentas en línea de GNOME solo existe en escritorios Linux
goa-not-available-advice = Lleva la cuenta a tus otras aplicaciones con el código QR o con el archivo de configuración.
goa-no-session-bus = no se encontró ninguna sesión de escritorio para llegar a Cuentas en línea de GNOME ({ $reason })
goa-no-session-bus-advice = Ejecútalo desde una terminal dentro de tu sesión de escritorio (no por SSH ni como otro usuario).
goa-not-installed = Cuentas en línea de GNOME no está instalado en este equipo
goa-not-installed-advice = Instálalo (Debian y Ubuntu: apt install gnome-online-accounts) y vuelve a intentarlo, o añade la cuenta a mano en tu programa de correo.
goa-not-running = Cuentas en línea de GNOME no se inició o no respondió: { $reason }
goa-not-running-advice = Cierra la sesión, vuelve a entrar e inténtalo de nuevo.
goa-oauth = { $email } inicia sesión a través de su proveedor (OAuth), pero las cuentas «IMAP y SMTP» de GNOME solo aceptan una contraseña
goa-oauth-advice = Añade la cuenta en Configuración → Cuentas en línea con la entrada propia de su proveedor (por ejemplo, Google o Microsoft 365).
goa-pop3 = { $email } recibe el correo por POP3, y Cuentas en línea de GNOME solo admite IMAP
goa-pop3-advice = Vuelve a configurar la cuenta con IMAP, o añádela a mano en tu programa de correo.
goa-already-exists = Cuentas en línea de GNOME ya tiene una cuenta para { $email }; no se añadió nada
goa-already-exists-advice = Para sustituirla, elimina primero la anterior en Configuración → Cuentas en línea.
goa-refused = Cuentas en línea de GNOME rechazó la cuenta: { $message }
goa-password-not-stored = Cuentas en línea de GNOME no pudo guardar la contraseña en el llavero ({ $reason }), así que la cuenta se eliminó de nuevo
goa-password-not-stored-kept = Cuentas en línea de GNOME no pudo guardar la contraseña en el llavero ({ $reason }) y la cuenta a medio crear no se pudo eliminar: elimínala en Configuración → Cuentas en línea
goa-password-not-stored-advice = Desbloquea el llavero (inicia sesión en el escritorio o abre «Contraseñas y claves») y vuelve a intentarlo.
goa-timeout = Cuentas en línea de GNOME no respondió ({ $step }) en { $seconds } segundos
goa-timeout-advice = Si una ventana del llavero espera tu contraseña, respóndela y vuelve a intentarlo.
goa-unexpected = Cuentas en línea de GNOME respondió a { $step } de una forma que esta versión de Mail Setup no entiende: { $detail }
goa-invalid = esta cuenta no se puede transferir: { $detail }
## Window polish

password-paste-refused = El texto pegado tiene un salto de línea en medio, que ningún servidor de correo acepta en una contraseña, así que no se ha pegado. Copie solo la contraseña y vuelva a pegarla.
password-space-start = Su contraseña empieza por un espacio. Si no forma parte de ella, bórrelo.
password-space-end = Su contraseña termina en un espacio. Si no forma parte de ella, bórrelo.
password-space-both = Su contraseña empieza y termina con un espacio. Si no forman parte de ella, bórrelos.
problems-count = { $count ->
    [one] Un campo necesita atención.
   *[other] { $count } campos necesitan atención.
}
consent-suggested = sugerido, aún sin probar
manual-suggested = { $host } es una sugerencia a partir de los nombres habituales, aún sin probar.
cli-check-no-accounts = no hay ninguna cuenta guardada en { $folder }: no hay nada que comprobar
cli-check-which = hay más de una cuenta guardada ({ $ids }): indique cuál comprobar
replace-question = ¿Reemplazar la cuenta guardada de { $email }? Ya hay una cuenta guardada para esta dirección ({ $id }); si guarda ahora, estos ajustes y esta contraseña ocuparán su lugar.
replace-confirm = Reemplazar la cuenta guardada
replace-looking = Comprobando si ya hay una cuenta guardada para esta dirección… Se guardará en cuanto llegue la respuesta.
manual-browse = Examinar…
manual-browse-title = Archivo de la autoridad de certificación
manual-ca-in-effect-file = En vigor: las autoridades de certificación del sistema y { $file }.
manual-ca-in-effect-environment = En vigor: las autoridades de certificación del sistema y { $file } (de MAILSETUP_CA_FILE).
manual-ca-in-effect-system = En vigor: solo las autoridades de certificación del sistema.
## Platforms

platform-verifier-unavailable = no se pudo preparar la verificación de certificados de este sistema ({ $detail }); indica el certificado de la autoridad del servidor con --ca-file para verificar solo con él
platform-trust-caller-only = Aviso: no se pudo preparar la verificación de certificados de este sistema ({ $detail }). Los certificados se comprueban solo con el archivo de autoridad indicado: cadena, firmas, fechas, nombre del servidor y uso, pero sin consultar revocaciones ni la lista de certificados que el sistema rechaza.
cause-certificate-check-unavailable = La verificación de certificados de este ordenador no funciona, así que no se pudo comprobar el certificado del servidor.
cause-certificate-check-unavailable-advice = No se envió nada al servidor. Indica el certificado de la autoridad del servidor (--ca-file, o «Confiar en la clave de este servidor» en la ventana) para comprobarlo solo con él, o haz la prueba en un ordenador cuya verificación de certificados funcione (ocurre con wine, no en el propio Windows).

# scram-wire: SCRAM sign-in proves interception (issue 25)
cause-tls-intercepted-proven = Algo entre este ordenador y el servidor de correo abrió su propia conexión cifrada con el servidor: el inicio de sesión lo demostró. La contraseña en sí no se envió.
cause-tls-intercepted-proven-advice = No inicies sesión desde esta red hasta saber qué hay en medio. Desactiva en tu programa de seguridad el análisis de las conexiones cifradas (o del correo), o prueba con otra red (por ejemplo, el punto de acceso de tu móvil). Si es la red de una empresa, pregunta al departamento de informática si inspecciona las conexiones de correo.

# pacc: PACC, autoconfig 1.2 y JMAP detectado (issue 24 §2–§4)
source-pacc = el archivo de configuración del dominio comprobado por su resumen (PACC)
source-jmap = comprobación de JMAP (.well-known y SRV)
discover-jmap-offered = Este proveedor también ofrece JMAP (visto en { $seen }). mailsetup todavía no inicia sesión por JMAP; configura IMAP o POP3 con SMTP.
discover-why-pacc-no-digest = no se usó el archivo de configuración de { $place }: { $name } no publica en el DNS ningún resumen que lo confirme
discover-why-pacc-mismatch = no se usó el archivo de configuración de { $place }: no coincide con el resumen publicado en { $name }, así que puede no ser del proveedor
protocol-jmap-offered = Este proveedor también ofrece JMAP, una forma más nueva de que los programas de correo hablen con el servidor. mailsetup aún no puede iniciar sesión por JMAP, así que elija aquí IMAP o POP3.
discover-other-services = El proveedor también indica, sin que mailsetup lo configure: { $services }
discover-sasl = mecanismos de inicio de sesión que indica el proveedor: { $mechanisms }
## Branch autodiscover: Microsoft Autodiscover and Microsoft 365

source-autodiscover = Autodiscover de Microsoft
discover-exchange-only = { $domain } ofrece Microsoft Exchange (la conexión propia de Outlook) y no indica ningún servidor IMAP, POP3 ni SMTP. Puede que IMAP esté activado de todos modos; también se prueban los nombres de servidor habituales.
vouch-autodiscover = indicado por Autodiscover de Microsoft por una conexión verificada
# settle: testing while discovery still runs
early-switched = { $source } indica un servidor mejor situado, { $host }: ahora se prueba ese.
## oauth-public: inicio de sesión sin un cliente registrado de antemano (src/oauth/register.rs, metadata.rs)

oauth-error-no-registration = iniciar sesión con { $provider } requiere un ID de cliente, no hay ninguno configurado y { $issuer } no permite que las apps se registren solas (sus metadatos no indican ningún punto de registro)
oauth-error-no-registration-advice = Este proveedor espera que las apps se registren con él de antemano. Pida al proveedor un ID de cliente para mailsetup e indíquelo con --oauth-client-id o en la variable de entorno MAILSETUP_OAUTH_CLIENT_ID, o inicie sesión con una contraseña si el proveedor lo permite.
oauth-error-registration-refused = { $url }: el proveedor rechazó registrar mailsetup: { $code }
oauth-error-registration-refused-advice = El proveedor no permite que mailsetup se registre como app de escritorio. Pida al proveedor un ID de cliente para mailsetup e indíquelo con --oauth-client-id, o inicie sesión con una contraseña si el proveedor lo permite.
oauth-error-not-public-client = { $url } registró mailsetup como un cliente que debe autenticarse con { $method }, no como una app pública
oauth-error-issuer-mismatch = { $url } indica el emisor { $named }, no { $expected }, así que no se usan sus puntos de acceso
oauth-error-issuer-mismatch-advice = La descripción del servidor de inicio de sesión pertenece a otro servidor, así que no se le envió nada. Compruebe la dirección de inicio de sesión (--oauth-issuer, o la que indica la configuración de su proveedor) con su proveedor.
oauth-cli-registered = No hay ningún ID de cliente configurado para { $name }: mailsetup se registró allí como la app { $id }.
oauth-cli-registered-browser = Una app registrada así inicia sesión a través del navegador.
accounts-label-registered = registrado
accounts-oauth-registered = por el propio mailsetup en { $endpoint }, porque no había ningún ID de cliente configurado
accounts-label-resource = tokens para
