# Mail Setup — português do Brasil.

## Units and numbers

unit-under-1-ms = menos de 1 ms
unit-ms = { $value } ms
unit-seconds = { $value } s

## Window frame and buttons

header-step = · etapa { $step } de { $steps }
page-account = Sua conta
page-lookup = Procurando seu provedor
page-protocol = Como você quer ler seus e-mails?
page-testing = Testando suas configurações
page-manual = Configuração manual
page-done = Pronto
page-done-keychain-failed = Não foi possível guardar a senha
page-done-file-failed = Não foi possível salvar
page-done-saving = Salvando
nav-next = Avançar
nav-back = Voltar
nav-cancel = Cancelar
nav-close = Fechar
nav-try-again = Tentar de novo
nav-set-up-manually = Configurar manualmente
nav-save-account = Salvar conta
nav-test-settings = Testar configurações
nav-add-another = Adicionar outra conta
language-label = Idioma
role-incoming = E-mails recebidos
role-outgoing = E-mails enviados

## Page 1: your account

account-intro = Digite o endereço e a senha do seu e-mail. Vamos encontrar os servidores certos e testá-los antes de salvar qualquer coisa.
account-name = Seu nome (opcional)
account-name-hint = como os outros vão ver
account-email = Endereço de e-mail
account-did-you-mean = Você quis dizer { $suggestion }?
account-use-suggestion = Usar { $suggestion }
account-password = Senha
account-show-password = Mostrar senha
account-password-problem = { $problem } Corrija a senha e clique em Avançar para testar de novo.
account-password-missing = Digite sua senha.
account-not-ready = Digite seu endereço e sua senha para continuar.
password-line-break = A senha contém uma quebra de linha, que não pode ser enviada a um servidor de e-mail (isso costuma acontecer ao colar).
password-nul = A senha contém um caractere NUL, que não pode ser enviado a um servidor de e-mail.
note-before-you-start = Antes de começar: { $step }
note-app-password-here = Crie uma senha de app aqui:

## Page 2: looking up the provider

lookup-asking = Consultando todos os lugares que podem conhecer os servidores de e-mail de { $domain }. Isso costuma levar alguns segundos.
lookup-nothing-found = Não encontramos configurações completas para { $domain }.
lookup-nothing-found-advice = Confira se o endereço não tem erro de digitação ou informe os servidores manualmente: as páginas de ajuda do seu provedor mostram esses dados.
lookup-failed = Não foi possível fazer a busca.
lookup-waiting = aguardando
lookup-found = { $count ->
    [one] 1 servidor encontrado
   *[other] { $count } servidores encontrados
}
lookup-nothing = nada
lookup-source-failed = falhou: { $why }
lookup-not-needed = não foi preciso
lookup-starting = Começando…

## Page 3: IMAP or POP3

protocol-intro = Conte como você lê seus e-mails e sugerimos o jeito mais adequado:
protocol-one-device = Leio estes e-mails em um só computador
protocol-offline = Muitas vezes preciso dos e-mails sem internet
protocol-imap-title = IMAP — os e-mails ficam no servidor, iguais em todo lugar
protocol-pop3-title = POP3 — os e-mails são baixados para este computador
protocol-recommended = { $title } (recomendado)
protocol-not-available = Indisponível: { $why }
protocol-server = Servidor: { $endpoint } ({ $security })
protocol-our-suggestion = Nossa sugestão
protocol-provider-says = O que seu provedor diz
protocol-confirm-first = Confirme primeiro os servidores listados na página.
protocol-imap-text = Seus e-mails ficam no servidor do provedor e este app os mostra a partir de lá. Celular, notebook e webmail veem as mesmas mensagens, pastas e marcações de lida, e o que você apaga em um some em todos. Quase tudo precisa de conexão com o servidor; os e-mails recentes costumam ficar guardados para leitura offline.
protocol-pop3-text = Os e-mails novos são baixados para este computador, e o app pode deixar ou não uma cópia no servidor. Tudo o que foi baixado pode ser lido sem conexão. Mas pastas, marcações de lida e e-mails enviados ficam só neste computador: outros aparelhos não vão vê-los.
protocol-no-imap = Este provedor não oferece IMAP (nenhum dos lugares consultados indica um servidor IMAP), então, por este app, os e-mails não ficam sincronizados entre aparelhos.
protocol-no-pop3 = Este provedor não oferece POP3 (nenhum dos lugares consultados indica um servidor POP3), então aqui os e-mails são lidos por IMAP.
protocol-why-pop3-only = POP3 é a única forma que este provedor oferece para ler e-mails.
protocol-why-pop3-one-device-offline = Você disse que lê seus e-mails em um só aparelho e muitas vezes sem conexão: o POP3 guarda tudo neste computador, pronto para ler offline. Escolha IMAP se talvez for usar um celular depois.
protocol-why-pop3-one-device = Você disse que lê seus e-mails em um só aparelho: o POP3 guarda tudo neste computador, pronto para ler offline. Escolha IMAP se talvez for usar um celular depois.
protocol-why-pop3-offline = Você disse que muitas vezes lê seus e-mails sem conexão: o POP3 guarda tudo neste computador, pronto para ler offline. Escolha IMAP se talvez for usar um celular depois.
protocol-why-imap-provider = O POP3 poderia combinar com o seu jeito de ler e-mails, mas seu provedor pede IMAP, por isso recomendamos IMAP aqui.
protocol-why-imap = O IMAP serve para a maioria das pessoas: seus e-mails são os mesmos em todos os aparelhos, e nada se perde se este computador quebrar.
stance-spectrum = A Spectrum pede que os apps de e-mail usem IMAP. O serviço POP3 dela ainda responde, mas a Spectrum o trata como a forma antiga de acesso.

## Who gets the password

consent-heading = Sua senha será enviada para
consent-recipient = { $role }: { $host } — { $from }
consent-unvouched = Nada do seu provedor confirma este servidor. Só envie sua senha para lá se você esperava por isso.
consent-send-to = Enviar minha senha para { $host }
consent-problem = Confirme cada servidor marcado abaixo antes que sua senha seja enviada a ele.

## Page 4: testing

check-find-server = Encontrar o servidor
check-connect = Conectar
check-secure = Conexão segura
check-greeting = Saudação do servidor
check-sign-in = Entrar
check-sign-out = Sair
row-waiting = aguardando
row-running = em andamento
row-done = feito
row-failed = falhou
row-not-reached = não alcançado
row-skipped = pulado
row-stopped = interrompido
testing-both-work = Os dois servidores funcionam. Clique em "Salvar conta" para manter estas configurações.
testing-settings-from = Configurações vindas de: { $sources }
testing-server-heading = { $role } — { $protocol } { $endpoint } ({ $security }, usuário { $user })
testing-not-started = Não foi possível iniciar o teste.
testing-warning = Aviso: { $text }
testing-server-said = O servidor respondeu:
testing-candidates = Servidores encontrados, verificados sem a sua senha:
testing-answers = responde
testing-no-answer = sem resposta
testing-details = Detalhes ({ $role })
testing-cause-code = Código da causa: { $code }
testing-greeting = Saudação: { $greeting }
testing-connected-to = Conectado a { $address }
testing-certificate-verified = certificado verificado
testing-certificate-not-verified = certificado NÃO verificado
testing-certificate-for = Certificado para { $names } emitido por { $issuer }, válido até { $until }
testing-transcript = Registro da conversa (sem a senha)
action-fix-password = Corrigir a senha
action-create-app-password = Criar uma senha de app
action-enter-app-password = Digitar uma senha de app
action-try-security = Tentar { $security } na porta { $port }
action-try-another-server = Tentar outro servidor
action-edit-settings = Editar configurações
action-retry = Tentar de novo

## The server's certificate

cert-title = O certificado do servidor
cert-trust-explained = Se este servidor é seu (ou o responsável confirmou a impressão digital da chave), você pode confiar nesta chave apenas para { $host }:{ $port }. O nome e as datas continuam sendo verificados, e você será avisado se a chave mudar.
cert-trust-key = Confiar na chave deste servidor
cert-no-names = (nenhum)
cert-valid-range = de { $from } a { $until }
cert-subject = Titular
cert-issued-by = Emitido por
cert-names = Nomes
cert-valid = Validade
cert-sha256 = SHA-256 do certificado
cert-spki-sha256 = SHA-256 da chave pública

## Sending a test message to oneself

roundtrip-option = Enviar uma mensagem de teste para mim
roundtrip-option-help = Quando os dois servidores funcionarem, uma mensagem real sai do seu endereço para ele mesmo; ela é apagada assim que chega.
roundtrip-step-send = Enviar uma mensagem de teste
roundtrip-step-wait = Esperar por ela na caixa de entrada
roundtrip-step-delete = Apagá-la
roundtrip-sending = enviando
roundtrip-sent = enviada
roundtrip-sent-in = enviada em { $seconds }
roundtrip-queue-id = (id da fila { $queue })
roundtrip-waiting = aguardando
roundtrip-arrived-after = chegou após { $seconds }
roundtrip-deleted = apagada
roundtrip-not-deleted = não foi possível apagar
roundtrip-not-arrived-within = não chegou em { $seconds }
roundtrip-not-sent = não enviada
roundtrip-not-searched = não foi possível procurar na caixa de entrada
roundtrip-summary-arrived = A mensagem de teste chegou à caixa de entrada { $seconds } depois do envio e foi apagada.
roundtrip-summary-arrived-not-deleted = A mensagem de teste chegou à caixa de entrada { $seconds } depois do envio; não foi possível apagá-la, apague-a você mesmo, por favor.
roundtrip-summary-not-arrived = O servidor de envio aceitou a mensagem de teste, mas ela não estava na caixa de entrada após { $seconds }. Procure na pasta de spam ou lixo eletrônico e confira os filtros e regras de encaminhamento da conta; se ela aparecer depois, pode ser apagada.
roundtrip-summary-not-arrived-queue = O servidor de envio aceitou a mensagem de teste (id da fila { $queue }), mas ela não estava na caixa de entrada após { $seconds }. Procure na pasta de spam ou lixo eletrônico e confira os filtros e regras de encaminhamento da conta; se ela aparecer depois, pode ser apagada.
roundtrip-summary-not-sent = Não foi possível enviar a mensagem de teste: { $summary } { $advice }
roundtrip-summary-not-checked = A mensagem de teste foi enviada, mas não foi possível procurar na caixa de entrada: { $summary } { $advice }

## Reports for a technician

report-copy = Copiar relatório
report-copy-hover = Copiar o relatório do teste (Markdown, sem a senha) para um chamado de suporte
report-save = Salvar relatório…
report-save-hover = Salvar o relatório do teste (Markdown, sem a senha) em um arquivo
report-save-title = Salvar o relatório
report-no-dialog = não foi possível abrir uma janela de arquivos aqui (ela precisa do portal da área de trabalho ou do zenity); use Copiar relatório.
report-technician-view = Visão do técnico
report-technician-view-hover = Mostrar ao vivo a conversa com o servidor (sem a senha)
report-live-transcript = Conversa com o servidor, ao vivo ({ $role }, sem a senha)
report-nothing-yet = (nada ainda)
report-copied = O relatório está na área de transferência (sem a senha).
report-saved = Relatório salvo em { $path }.
report-not-saved = O relatório não foi salvo: { $why }

## Page 5: manual settings

manual-intro = As páginas de ajuda do seu provedor mostram estas configurações. O nome de usuário costuma ser o seu endereço de e-mail completo.
manual-incoming-protocol = Protocolo de recebimento:
manual-incoming-server = Servidor de recebimento
manual-incoming-port = Porta de recebimento
manual-incoming-user = Usuário de recebimento
manual-outgoing-server = Servidor de envio
manual-outgoing-port = Porta de envio
manual-outgoing-user = Usuário de envio
manual-security = Segurança:
manual-security-none = Nenhuma (inseguro)
manual-accept-plaintext = Enviar minha senha sem criptografia. Entendo que qualquer pessoa na rede entre mim e o servidor (Wi-Fi público, provedor de internet) pode ler a senha e meus e-mails.
manual-accept-plaintext-to = Enviar minha senha sem criptografia para { $hosts }. Entendo que qualquer pessoa na rede entre mim e esse servidor (Wi-Fi público, provedor de internet) pode ler a senha e meus e-mails.
manual-extra-ca-section = Autoridade certificadora (para servidores de empresa)
manual-extra-ca-intro = Só se o setor de TI entregou a você um arquivo de certificado para o servidor de e-mail da empresa.
manual-extra-ca-file = Arquivo da autoridade certificadora (PEM)
manual-accept-extra-ca = Confiar em todo certificado assinado por esta autoridade. Quem tiver a chave dela pode ler as conexões deste app com estes servidores.
manual-http-warning = Obtido por HTTP sem criptografia: qualquer pessoa na rede pode ter alterado as configurações de { $host }. Confira com seu provedor antes de testar.
manual-needs-attention = Algumas configurações precisam de atenção.
manual-problem-host-missing = Digite o nome do servidor, por exemplo imap.example.com.
manual-problem-host-invalid = "{ $host }" não é um nome de servidor.
manual-problem-port = A porta é um número de 1 a 65535.
manual-problem-username = Digite o nome de usuário (em geral o endereço de e-mail completo).
manual-problem-plaintext = Sem criptografia, sua senha atravessa a rede legível por qualquer um no caminho. Marque a caixa para confirmar que é isso que você quer.
manual-problem-extra-ca = Marque a caixa para confirmar que você confia nesta autoridade certificadora.

## Page 6: done

done-saving = Salvando: a senha no chaveiro e depois o arquivo da conta…
done-set-up = { $email } está configurado.
done-account-file = Arquivo da conta
done-password-stored-in = Senha guardada em
done-account-id = Id da conta
done-password-only-in-keychain = A senha fica só no chaveiro, nunca no arquivo da conta.
done-no-keychain = Não foi possível guardar a senha: nenhum chaveiro está disponível.
done-nothing-saved = Nada foi salvo. O mailsetup nunca grava sua senha em um arquivo como alternativa.
done-what-you-can-do = O que você pode fazer:
done-use-keyutils = Usar o chaveiro do kernel Linux
done-use-keyutils-hover = O chaveiro do kernel Linux (keyutils) guarda as senhas na memória do kernel, não no disco.
done-keyutils-note = O chaveiro do kernel guarda as senhas na memória, não no disco: dependendo do sistema, ele pode esquecê-las quando você sai da sessão ou reinicia, e os apps de e-mail vão pedir a senha de novo.
done-file-failed = Não foi possível gravar o arquivo da conta.
done-file-failed-rolled-back = A senha foi removida do chaveiro de novo, então nada ficou salvo pela metade.

## Why a test failed: one sentence, then what to do (one pair per cause code)

cause-dns-not-found = O nome do servidor não existe.
cause-dns-not-found-advice = Confira se o nome do servidor não tem erro de digitação. As páginas de ajuda do seu provedor mostram o nome certo.
cause-dns-failed = Não foi possível consultar o nome do servidor.
cause-dns-failed-advice = Verifique sua conexão (Wi-Fi, cabo ou dados móveis) e tente de novo. Se os sites abrem, os servidores de nomes da sua rede ou do seu provedor podem estar com problemas.
cause-connection-refused = O servidor recusou a conexão nesta porta.
cause-connection-refused-advice = Provavelmente a porta está errada ou o serviço está desligado. Confira o número da porta nas configurações do seu provedor.
cause-network-unreachable = Este computador não tem caminho pela rede até o servidor.
cause-network-unreachable-advice = Verifique sua conexão: o Wi-Fi ou o cabo estão conectados, e os sites abrem? Depois tente de novo. Uma VPN, ou uma rede que só deixa passar parte do tráfego, também pode causar isso.
cause-connection-timeout = O servidor não respondeu à tentativa de conexão.
cause-connection-timeout-advice = Um firewall, sua rede ou seu provedor de internet pode estar bloqueando esta porta. Tente em outra rede ou confira o número da porta.
cause-connection-closed = O servidor desligou no meio da conversa.
cause-connection-closed-advice = Tente de novo daqui a alguns minutos. Se continuar acontecendo, o servidor pode estar bloqueando o endereço deste computador; fale com seu provedor.
cause-greeting-timeout = A conexão foi aberta, mas o servidor nunca respondeu.
cause-greeting-timeout-advice = O servidor pode estar sobrecarregado, ou algo na rede está segurando a conexão. Tente mais tarde ou confira a porta.
cause-wrong-protocol = Algo respondeu nesta porta, mas não é o tipo de servidor de e-mail esperado aqui.
cause-wrong-protocol-advice = Provavelmente o número da porta não é o deste tipo de servidor. Confira a porta nas configurações do seu provedor.
cause-tls-on-plaintext-port = Esta porta espera um início sem criptografia, mas a conexão estava configurada para criptografar desde o primeiro byte.
cause-tls-on-plaintext-port-advice = Mude a segurança para STARTTLS nesta porta, ou use a porta criptografada (993 para IMAP, 995 para POP3, 465 para envio).
cause-plaintext-on-tls-port = Esta porta espera criptografia desde o primeiro byte, mas a conexão estava configurada para começar sem criptografia.
cause-plaintext-on-tls-port-advice = Mude a segurança para SSL/TLS nesta porta.
cause-tls-handshake-failed = Não foi possível estabelecer a conexão segura.
cause-tls-handshake-failed-advice = O servidor talvez só aceite uma criptografia ultrapassada. Tente o outro modo de segurança ou a outra porta, e avise seu provedor.
cause-certificate-expired = O certificado de segurança do servidor expirou.
cause-certificate-expired-advice = Não envie sua senha para este servidor até que isso seja corrigido. Confira a data e a hora do seu computador; se estiverem certas, avise seu provedor.
cause-certificate-not-yet-valid = O certificado de segurança do servidor ainda não é válido.
cause-certificate-not-yet-valid-advice = Confira a data e a hora do seu computador. Se estiverem certas, avise seu provedor.
cause-certificate-name-mismatch = O certificado de segurança do servidor pertence a outro nome.
cause-certificate-name-mismatch-advice = O nome do servidor pode ser um apelido. Use o nome que o certificado mostra (veja Detalhes) se o seu provedor confirmar.
cause-certificate-untrusted = O certificado de segurança do servidor não foi assinado por uma autoridade em que este computador confia.
cause-certificate-untrusted-advice = Isso pode significar que alguém está interceptando a conexão. Não continue em uma rede pública; pergunte ao seu provedor ou à TI qual certificado esperar. Se o servidor é seu, com certificado próprio, compare a impressão digital da chave (veja Detalhes) com a do servidor e confie nessa chave.
cause-starttls-not-offered = O servidor não oferece criptografar esta conexão.
cause-starttls-not-offered-advice = Sua senha não foi enviada. Use a porta SSL/TLS ou pergunte ao seu provedor como se conectar com segurança.
cause-starttls-failed = O servidor se recusou a passar esta conexão para criptografada.
cause-starttls-failed-advice = Tente a porta SSL/TLS. Se também falhar, fale com seu provedor.
cause-plaintext-auth-refused = O servidor não aceita senhas em uma conexão sem criptografia.
cause-plaintext-auth-refused-advice = Ative a criptografia: escolha SSL/TLS ou STARTTLS na segurança.
cause-insecure-connection-refused = A senha não foi enviada porque a conexão não está criptografada.
cause-insecure-connection-refused-advice = Escolha SSL/TLS ou STARTTLS. Só permita uma conexão sem criptografia se você confia em todas as redes entre você e o servidor.
cause-auth-failed = O servidor não aceitou o nome de usuário ou a senha.
cause-auth-failed-advice = Confira a senha (e o Caps Lock) e o nome de usuário; muitos provedores pedem o endereço de e-mail completo como usuário. Entre no site do provedor para ter certeza de que a senha funciona.
cause-unsendable-credentials = O nome de usuário ou a senha contém uma quebra de linha ou um caractere NUL, que não podem ser enviados a um servidor de e-mail. Nada foi enviado.
cause-unsendable-credentials-advice = Digite a senha (e o usuário) de novo à mão; uma senha colada muitas vezes leva junto o fim da linha.
cause-app-password-required = Esta conta precisa de uma senha de app em vez da sua senha normal.
cause-app-password-required-advice = Crie uma senha de app nas configurações de segurança da conta no seu provedor e digite-a aqui no lugar da sua senha normal.
cause-oauth-required = Este provedor não aceita mais senhas de apps de e-mail: é preciso entrar pela página web dele (OAuth2).
cause-oauth-required-advice = Use um app de e-mail que aceite o login web do seu provedor, ou peça ao administrador para permitir login com senha nesta conta.
cause-auth-mechanism-unsupported = O servidor não oferece nenhum método de login que este app consiga usar.
cause-auth-mechanism-unsupported-advice = Fale com seu provedor ou com a TI e pergunte quais métodos de login o servidor aceita.
cause-protocol-disabled = A conta existe, mas o acesso por apps de e-mail (IMAP, POP ou envio) está desligado para ela.
cause-protocol-disabled-advice = Ative IMAP/POP (ou o envio por outros apps) nas configurações do webmail do provedor, ou peça ao administrador para liberar. A senha em si pode estar certa.
cause-web-sign-in-required = O provedor bloqueou este login até você confirmá-lo no site dele.
cause-web-sign-in-required-advice = Entre no site do provedor em um navegador, confirme que a tentativa foi sua (procure um alerta de segurança) e tente de novo.
cause-too-many-attempts = O provedor está bloqueando logins por um tempo depois de tentativas demais.
cause-too-many-attempts-advice = Espere antes de tentar de novo e verifique se nenhum outro aparelho continua tentando uma senha antiga. Mais tentativas agora podem prolongar o bloqueio.
cause-too-many-connections = Há programas ou aparelhos demais conectados a esta conta ao mesmo tempo.
cause-too-many-connections-advice = Feche o app de e-mail em outro aparelho (ou outro programa de e-mail neste), espere alguns minutos e tente de novo.
cause-password-expired = A senha expirou.
cause-password-expired-advice = Entre no site do provedor, escolha uma nova senha lá e digite a nova senha aqui.
cause-client-blocked = O servidor recusa conexões vindas do endereço da sua rede.
cause-client-blocked-advice = Seu endereço de internet pode estar em uma lista de bloqueio de spam. Tente de outra rede, ou peça ao seu provedor de internet ou de e-mail para remover o bloqueio.
cause-server-unavailable = O servidor está temporariamente indisponível.
cause-server-unavailable-advice = Isso costuma ser rápido. Espere alguns minutos e tente de novo.
cause-protocol-error = O servidor respondeu de um jeito que este app não entendeu.
cause-protocol-error-advice = Tente de novo. Se continuar acontecendo, envie os detalhes ao seu provedor ou à TI.
cause-timeout = O servidor parou de responder.
cause-timeout-advice = Verifique sua conexão e tente de novo. O servidor pode estar sobrecarregado.
cause-message-not-arrived = O servidor de envio aceitou a mensagem de teste, mas ela não apareceu a tempo na caixa de entrada.
cause-message-not-arrived-advice = O e-mail pode estar lento hoje, ou a mensagem foi parar em outro lugar: procure na pasta de spam ou lixo eletrônico e confira os filtros e regras de encaminhamento da conta. Se ela chegar depois, pode ser apagada; o assunto diz que é um teste.
cause-account-unavailable-incoming = O servidor diz que a conta não pode ser usada agora (bloqueada, desativada, em uso ou sem espaço).
cause-account-unavailable-incoming-advice = Entre no site do seu provedor para ver o que há de errado com a conta, ou fale com seu provedor.
cause-account-unavailable-outgoing = O servidor diz que a conta não pode enviar e-mails agora.
cause-account-unavailable-outgoing-advice = Entre no site do seu provedor para verificar a conta, ou fale com seu provedor.
cause-certificate-unchecked = Não foi possível verificar o certificado de segurança do servidor.
cause-certificate-unchecked-advice = Veja os Detalhes.
cause-tls-intercepted = Um software de segurança ou um proxy da rede está interceptando a conexão criptografada: o certificado veio dele, não do servidor de e-mail.
cause-tls-intercepted-advice = Desative nesse produto a verificação de conexões criptografadas (ou de e-mails), ou adicione o servidor de e-mail como exceção, e tente de novo. Não instale o certificado dele só para isso funcionar, a menos que você confie no produto.
cause-clock-wrong = A data e a hora deste computador estão erradas, então certificados válidos parecem expirados ou ainda não válidos.
cause-clock-wrong-advice = Acerte a data, a hora e o fuso horário (ative "Ajustar hora automaticamente") e tente de novo. Não há nada de errado com o servidor.
cause-certificate-changed = O servidor apresentou uma chave diferente daquela em que você confiou.
cause-certificate-changed-advice = Se o responsável pelo servidor trocou a chave de propósito, confira a nova impressão digital com ele e confie na nova chave. Se ninguém trocou, alguém pode estar interceptando a conexão: não envie sua senha.
cause-captive-portal = Esta rede pede que você entre primeiro por um navegador.
cause-captive-portal-advice = Abra qualquer página no navegador e conclua a página de acesso da rede (Wi-Fi de hotel, trem, café ou visitantes: aceite os termos ou digite o código de acesso) e teste de novo. Até lá, a rede responde no lugar do servidor de e-mail; sua senha não foi enviada.
cause-port-blocked = Esta porta não responde nesta rede, mas outra porta do mesmo servidor responde.
cause-port-blocked-advice = Use a outra porta mostrada aqui. Redes de hotéis, escolas e empresas costumam bloquear algumas portas de e-mail.

## Where settings came from, and why a host may get the password

source-provider = tabela de provedores embutida
source-autoconfig = o servidor de configuração automática do provedor
source-well-known = o arquivo de configuração automática .well-known do domínio
source-ispdb = o ISPDB da Mozilla
source-mx = o servidor de e-mail do domínio (MX)
source-srv = registros de serviço DNS (SRV)
source-guess = nomes de servidor comuns
source-autoconfig-http = configuração automática por HTTP sem criptografia
via-table = a tabela de provedores embutida: { $provider }
via-per = { $via } (fonte: { $per })
via-mx-table = MX { $mx } → { $domain } → tabela de provedores embutida
via-mx-file = MX { $mx } → { $domain } → { $file } { $trail }
via-srv = SRV { $name } → { $target } (prioridade { $priority }, peso { $weight })
via-guess = { $host } existe no DNS
vouch-own-domain = parte do próprio { $domain }
vouch-provider = indicado pela tabela de provedores embutida do mailsetup
vouch-ispdb = indicado pelo ISPDB da Mozilla por uma conexão verificada
vouch-published = publicado por { $domain } por uma conexão verificada
vouch-autoconfig-file = o arquivo de configuração automática de { $domain }
vouch-plain-http = obtido de { $what } por HTTP sem criptografia, que qualquer pessoa na rede pode ter alterado
vouch-redirected = { $source } redirecionou o mailsetup para { $to }, fora de { $domain }
vouch-srv = encontrado nos registros de serviço DNS (SRV) de { $domain }, sem confirmação de { $domain }
vouch-mx = encontrado pelos registros MX de { $domain }, sem confirmação de { $domain }
vouch-found-by = encontrado por { $source }, sem confirmação de { $domain }
consent-question = Os e-mails de { $domain } são tratados por { $host } — { $how }.
source-manual = digitado à mão
consent-entered-by-you = digitado por você

## How signing in works at a provider

login-password = Entre com a senha normal da conta de e-mail.
login-password-or-oauth2 = A senha normal da conta de e-mail funciona; entrar pela página do provedor (OAuth2) também funciona.
login-app-password = A senha normal não vai funcionar aqui: crie uma senha de app no site do provedor e digite essa no lugar.
login-oauth2-or-app-password = A senha normal não vai funcionar aqui: entre pela página do provedor (OAuth2) ou crie uma senha de app e digite essa.
login-oauth2-only = Este provedor desligou o login com senha: só funciona entrar pela página dele (OAuth2).
login-oauth2-unless-admin-allows = A Microsoft desligou as senhas para IMAP, POP e SMTP: sua senha só funciona aqui se o administrador da sua organização liberou isso para a sua caixa de correio.

## Notes of the built-in provider table (keys follow assets/providers.json: a test checks the English text)

provider-spectrum-note-1 = A Spectrum prefere IMAP; o POP3 ainda funciona, mas é a opção antiga.
provider-spectrum-note-2 = A porta 587 de mobile.charter.net aparece tanto como criptografada desde o início quanto como STARTTLS; o teste ao vivo mostra qual o servidor usa de verdade.
provider-roadrunner-note-1 = Endereços regionais como nome@nc.rr.com ou nome@tampabay.rr.com usam os mesmos servidores (mail.twc.com).
provider-gmail-note-1 = Para uma senha de app, primeiro é preciso ativar a verificação em duas etapas na conta Google.
provider-outlook-note-1 = A Microsoft desligou o login com senha para apps de e-mail em 16 de setembro de 2024; só o login por OAuth2 funciona.
provider-microsoft365-enable-first = o administrador da sua organização precisa liberar o login com senha para a sua caixa de correio (IMAP, POP e "SMTP autenticado" em Gerenciar aplicativos de email). Pergunte à TI antes de continuar.
provider-microsoft365-note-1 = Apps de e-mail que entram pela página da própria Microsoft (OAuth2) funcionam sem ajuda do administrador.
provider-icloud-note-1 = O iCloud não tem POP3.
provider-icloud-note-2 = Os e-mails recebidos entram com a parte antes do @; os enviados, com o endereço completo.
provider-att-note-1 = A AT&T chama a senha de app de "secure mail key"; a senha normal da conta não funciona em apps de e-mail.
provider-gmx-net-enable-first = Ative o acesso POP3/IMAP nas configurações do webmail da GMX antes do primeiro login.
provider-gmx-com-enable-first = Ative o acesso POP3/IMAP nas configurações do webmail da GMX antes do primeiro login.
provider-webde-enable-first = Ative o acesso POP3/IMAP nas configurações do webmail da WEB.DE antes do primeiro login.

## The command line's text output (JSON output stays English)

cli-no-servers = Nenhum servidor para testar foi encontrado para { $email }.
cli-none-tested-unconfirmed = Nenhum servidor foi testado para { $email }: os servidores encontrados precisam da sua confirmação.
cli-verified-count = { $total ->
    [one] { $ok } de 1 servidor verificado para { $email }.
   *[other] { $ok } de { $total } servidores verificados para { $email }.
}
cli-saved = Salvo como conta "{ $id }" em { $file }; a senha está em { $keychain }.
cli-saved-oauth = Salvo como conta "{ $id }" em { $file }; o login (seu token de atualização) está em { $keychain }.
cli-no-accounts = Nenhuma conta salva em { $folder }.
cli-removed = { $id } ({ $email }) removida.
cli-entries-left = { $store } não foi alterado: as entradas { $incoming } e { $outgoing } podem continuar lá.
cli-oauth-not-revoked-advice = A conta é removida do mailsetup mesmo assim, mas o provedor continua aceitando o login até ele expirar. Para encerrá-lo agora, entre na sua conta em { $issuer } e remova o acesso do mailsetup nas configurações de segurança ou de apps conectados.
cli-oauth-no-keychain = não foi possível abrir o chaveiro, então o token de atualização salvo não pôde ser lido para devolvê-lo
cli-oauth-not-revoked = aviso: não foi possível encerrar o login em { $issuer } ({ $code }): { $summary }
cli-oauth-revoked = O login em { $issuer } foi encerrado: o token de atualização salvo não funciona mais lá.
cli-check-failed = Não verificada: a configuração salva não funciona do jeito que está.
cli-check-passed = Verificada: a configuração salva funciona.
cli-server-said = o servidor respondeu: { $reply }
cli-what-to-do = o que fazer: { $advice }
cli-discovered = { $count ->
    [one] Configurações de { $email } encontradas em { $ms } ms (1 candidato).
   *[other] Configurações de { $email } encontradas em { $ms } ms ({ $count } candidatos).
}
cli-provider = Provedor: { $name }
cli-unknown = desconhecido
cli-found-by = encontrado por { $sources }
cli-no-server-found = nenhum servidor encontrado

## What is wrong with a typed address

address-empty = O endereço de e-mail está vazio
address-missing-at = "{ $address }" não tem @: um endereço de e-mail tem a forma nome@example.com
address-empty-local = "{ $address }" não tem nada antes do @
address-empty-domain = "{ $address }" não tem nada depois do @
address-whitespace = "{ $address }" contém um espaço ou um caractere de controle
address-several-at = "{ $address }" tem mais de um @
address-invalid-domain = O domínio "{ $domain }" não é um nome de internet válido ({ $reason })
address-no-dot = O domínio "{ $domain }" não tem ponto: domínios de e-mail têm a forma example.com
address-too-long = O endereço de e-mail tem mais de 254 caracteres

## A provider's own advice, added to the advice for a cause

provider-access-smtp = o envio por apps de e-mail
provider-access-imap-pop = o acesso IMAP/POP
provider-only-app-passwords = { $name } só aceita senhas de app vindas de apps de e-mail, não a senha normal.
provider-create-one-at = Crie uma em { $url }.
provider-also-refuses = { $name } também recusa a senha enquanto { $access } estiver desligado: confira em { $url }.
provider-settings-help = Ajuda de { $name } sobre as configurações: { $url }
provider-create-app-password-at = { $name }: crie a senha de app em { $url }.
provider-help = Ajuda de { $name }: { $url }
provider-switch-on = { $name }: ative { $access } em { $url }.
provider-help-on-this = Ajuda de { $name } sobre isso: { $url }
provider-lockout = { $name } remove esse bloqueio sozinho, { $when }.
provider-max-connections = { $name } permite cerca de { $count } conexões simultâneas por conta.
provider-status = { $name } informa as falhas conhecidas em { $url }.
admin-authenticated-smtp = Peça ao administrador do Microsoft 365 da sua organização para ativar o "SMTP autenticado" na sua caixa de correio (Centro de administração do Microsoft 365 → Usuários → Usuários ativos → seu nome → Email → Gerenciar aplicativos de email) e para verificar se o SMTP AUTH não está desligado para a organização inteira.
admin-password-sign-in-off = O Microsoft 365 desligou o login com senha para apps de e-mail: pergunte ao administrador da sua organização se ele pode ser liberado para a sua caixa de correio (IMAP, POP e "SMTP autenticado" em Gerenciar aplicativos de email, e os padrões de segurança), ou use um app de e-mail que entre pela página da própria Microsoft.
network-no-encryption = sem criptografia
network-port-refused = A porta { $port } recusa conexões; a porta { $other } do mesmo servidor funciona.
network-port-blocked = A porta { $port } está bloqueada nesta rede (sem resposta); a porta { $other } do mesmo servidor funciona.
network-change-port = Mude a porta para { $other } com segurança { $security }.
network-other-port-silent = A porta { $other } do mesmo servidor também não responde.

## `mailsetup discover`: what was found, and where

trust-trusted = confiável
trust-dns = pelo DNS
trust-guess = suposto
trust-insecure = fonte insegura, precisa de confirmação
username-full-address = o endereço de e-mail completo
username-local-part = a parte antes do @
username-other = um nome de usuário especial
discover-servers-for = Servidores para { $email } (domínio { $domain })
discover-provider = Provedor: { $name } (reconhecido por { $matched })
discover-oauth2 = Login OAuth 2.0: { $issuer } (indicado por { $via }; { $trust })
discover-app-passwords = As senhas de app são criadas em { $url }
discover-before-first = Antes do primeiro login: { $step }
discover-username = Usuário { $protocol }: { $form }
discover-note = Observação: { $note }
discover-imap = E-mails recebidos, IMAP
discover-pop3 = E-mails recebidos, POP3
discover-smtp = E-mails enviados, SMTP
discover-user = usuário
discover-from = de { $sources }
discover-needs-confirmation = precisa de confirmação antes de a senha ir para lá: { $question }
discover-nothing-found = (nada encontrado)
discover-disagree = Onde as fontes discordam
discover-claim-recommended = { $says } (recomendado), segundo { $by }
discover-claim-not-recommended = { $says } (não recomendado), segundo { $by }
discover-sources = Fontes
discover-status-found = { $count } encontrado(s)
discover-status-timed-out = tempo esgotado
discover-status-cut-short = interrompida (resposta confiável completa)
discover-none = nenhum
discover-timing = primeiro candidato após { $first }, concluído após { $ms } ms
discover-why-no-such-name = { $place } não existe
discover-why-lookup-failed = a consulta do nome { $place } falhou
discover-why-timeout = { $place } não respondeu em { $seconds } s
discover-why-no-answer = sem resposta em { $seconds } s
discover-why-refused = nada responde em { $place } (conexão recusada)
discover-why-connect = não foi possível conectar a { $place }
discover-why-tls = a conexão segura com { $place } falhou
discover-why-http-status = { $place } respondeu com o erro HTTP { $status }
discover-why-too-large = a resposta de { $place } é grande demais
discover-why-redirects = { $place } redireciona vezes demais ou em círculo
discover-why-insecure-redirect = { $place } redireciona de HTTPS para HTTP sem criptografia, e esse redirecionamento não é seguido
discover-why-failed = a requisição para { $place } falhou
discover-why-setup = a busca não pôde começar neste computador
discover-why-bad-file = o arquivo de configurações em { $place } não pode ser usado
## On-screen text of the command line (--json and the --report document stay English)
cli-error = erro: { $message }
cli-warning = aviso: { $message }
cli-no-runtime = não foi possível iniciar o ambiente de execução assíncrono: { $error }
cli-output-failed = não foi possível gravar a saída: { $error }
cli-force-hint = (--force remove a conta da lista mesmo assim)
cli-check-time-not-recorded = a verificação passou, mas não foi possível registrar o horário: { $error }
cli-check-diagnosis = { $summary } ({ $cause }, na etapa: { $step })
cli-report-not-written = não foi possível gravar o relatório em { $file }: { $error }
cli-json-not-written = não foi possível gravar o JSON: { $error }
server-line = { $protocol } { $endpoint } ({ $security }, usuário { $user })
accounts-label-incoming = entrada
accounts-label-outgoing = saída
accounts-label-also-ok = também serve
accounts-label-settings = configurações
accounts-label-verified = verificada
accounts-label-sign-in = login
accounts-label-password = senha
accounts-label-trusts = confia em
accounts-label-warning = aviso
accounts-label-key = chave
accounts-server-signed-in = { $server }, login com { $mechanism }
accounts-trusts-ca = a autoridade certificadora em { $file }
accounts-plaintext = a senha pode ser enviada sem criptografia
accounts-pinned-key = confiável pela impressão digital: { $pin }
source-kind-autoconfig = autoconfiguração do provedor
source-kind-ispdb = banco de dados de provedores
source-kind-srv = registros DNS SRV
source-kind-mx = registros MX
source-kind-guess = nomes de servidor adivinhados
source-with-detail = { $source } ({ $detail })
report-text-server = { $server } — { $verdict } em { $ms } ms
report-label-cause = causa
report-label-advice = conselho
report-label-server = servidor
report-label-detail = detalhe
report-label-trust = confiar
report-label-by-hand = à mão
report-label-greeting = saudação
report-label-sign-in = login
report-label-mailbox = caixa
report-tls-not-completed = negociação não concluída
report-tls-verified = { $version }, { $cipher }, certificado verificado
report-tls-not-verified = { $version }, { $cipher }, certificado NÃO verificado
report-sign-in-offered = oferecidos: { $mechanisms }
report-sign-in-used = usado: { $mechanism }
report-sign-in-why = por quê: { $reason }
report-mailbox-messages = { $count ->
    [one] { $count } mensagem
   *[other] { $count } mensagens
}
report-trust-pin = se este é o seu próprio servidor e a chave acima é a dele: --pin-sha256 { $pin }
report-transcript = transcrição:
report-round-trip = Ida e volta — { $verdict }
report-label-message = mensagem
step-resolve = encontrar o servidor
step-connect = conectar
step-tls = conexão segura
step-greeting = saudação do servidor
step-capabilities = recursos
step-starttls = conexão segura (STARTTLS)
step-authenticate = fazer login
step-mailbox = abrir a caixa de entrada
step-logout = sair
step-port-check = verificar o que a porta fala
step-send-message = enviar uma mensagem de teste
step-find-message = encontrar a mensagem de teste
step-delete-message = apagar a mensagem de teste
step-network-check = verificar a rede

## Testing, continued

testing-not-sent-unconfirmed = Sua senha não foi enviada para { $host }: confirme este servidor primeiro.
testing-password-refused = O servidor não aceitou a senha.
testing-nothing-tested = Nenhum servidor pôde ser testado.

## Entrar com o provedor (OAuth 2.0)

oauth-sign-in-with = Entrar com { $provider }
oauth-sign-in-intro = O { $provider } permite que você entre pela página dele, no seu navegador, em vez de digitar sua senha aqui.
oauth-waiting = Aguardando você no navegador… Termine lá de entrar com { $provider }.
oauth-cancel = Cancelar entrada
oauth-signed-in = Você entrou com { $provider }.
oauth-cancelled = A entrada foi cancelada.
oauth-denied = O acesso não foi permitido na página de { $provider }. Comece de novo e escolha Permitir quando { $provider } perguntar se o mailsetup pode usar seu e-mail.
oauth-wrong-account = No navegador foi escolhida outra conta que não a do endereço digitado. Entre de novo e escolha a conta deste endereço.
oauth-no-client-id = Para entrar com { $provider } é preciso um ID de cliente: o mailsetup precisa primeiro ser registrado no { $provider } como aplicativo de desktop. Registre-o (o README explica como fazer no Google e na Microsoft) e depois informe o ID na variável de ambiente MAILSETUP_OAUTH_CLIENT_ID ou em oauth.json, na pasta de configuração.
oauth-timeout = A entrada não foi concluída a tempo. Comece de novo e conclua no navegador.
oauth-failed = Não foi possível entrar com { $provider }.
oauth-details = O que aconteceu: { $summary }
oauth-use-code = Usar um código em outro dispositivo
oauth-browser-failed = Não foi possível abrir o navegador neste computador. Entre com um código em outro dispositivo.
oauth-code-asking = Pedindo um código a { $provider }…
oauth-code-open = No seu celular ou em outro computador, abra esta página:
oauth-code-copy-address = Copiar endereço
oauth-code-enter = Lá, digite este código:
oauth-code-name = Código a digitar: { $code }
oauth-code-copy = Copiar código
oauth-code-expires = O código vale por mais { $time }.
oauth-code-expired-now = O código não vale mais.
oauth-code-waiting = Aguardando a aprovação…
oauth-code-expired = O código expirou antes de ser digitado. Peça um código novo e digite-o logo depois que ele aparecer.
oauth-code-new = Pedir um código novo
oauth-no-refresh-token = O provedor não forneceu um token de atualização, então a entrada não poderia ser renovada depois. Nada foi salvo.
## Signing in through the provider's page (OAuth 2.0)

oauth-error-no-client-id = entrar com { $provider } pela página dele exige um ID de cliente registrado no { $provider }, e nenhum está configurado
oauth-error-no-issuer = não se conhece nenhum login OAuth 2.0 para { $provider }
oauth-error-unconfirmed-issuer = { $via } indica { $issuer } como o lugar para fazer login, mas esse arquivo chegou por uma conexão que não pode garanti-lo, então ele não é usado sem a sua confirmação
oauth-error-no-endpoint = { $issuer } não oferece { $what }
oauth-error-insecure = { $url } não é um endereço HTTPS; o OAuth 2.0 precisa de uma conexão criptografada
oauth-error-malformed = { $url }: resposta inesperada: { $detail }
oauth-error-denied = o login foi recusado na página do provedor
oauth-error-wrong-state = a resposta do navegador não pertence a este login (o valor state é diferente)
oauth-error-device-code-expired = o código de login expirou antes de ser aprovado
oauth-error-invalid-grant = o provedor não aceita mais o login salvo
oauth-error-wrong-account = o provedor entrou como { $got }, não como { $expected }
oauth-error-refused = { $url }: o provedor recusou: { $code }
oauth-error-timed-out = nenhuma resposta do login em { $after }
oauth-error-browser = não foi possível abrir o navegador ({ $command }): { $detail }
oauth-error-listener = não foi possível esperar a resposta do navegador em 127.0.0.1: { $detail }
oauth-error-provider-said = (o provedor disse: { $text })
oauth-error-no-client-id-advice = Um programa que entra pela página de um provedor precisa estar registrado nesse provedor, que lhe dá um ID de cliente. Registre o mailsetup como app de desktop no provedor (o README explica como fazer no Google e na Microsoft) e depois informe o ID na variável de ambiente MAILSETUP_OAUTH_CLIENT_ID ou com --oauth-client-id.
oauth-error-no-issuer-advice = O mailsetup não conhece a página de login deste provedor. Use uma senha (ou uma senha de app) se o provedor permitir, ou informe o endereço de login do provedor com --oauth-issuer.
oauth-error-unconfirmed-issuer-advice = Se { $issuer } é mesmo o login do seu provedor, execute de novo com --oauth-issuer { $issuer } (e os scopes com --oauth-scope); caso contrário, pergunte ao seu provedor onde fazer login.
oauth-error-no-endpoint-advice = O provedor não oferece esta forma de login. Tente a outra (--browser ou, sem essa opção, o código mostrado em outro dispositivo).
oauth-error-insecure-advice = Os endereços de login precisam começar com https://. Confira o endereço de login do provedor.
oauth-error-unreachable-advice = Não foi possível acessar o serviço de login do provedor. Confira a conexão e tente de novo.
oauth-error-refused-advice = O serviço de login do provedor recusou ou respondeu de um jeito estranho. Tente de novo; se continuar, o registro do app no provedor pode estar errado (ID de cliente, redirecionamento permitido ou permissões).
oauth-error-denied-advice = O acesso não foi permitido na página do provedor. Comece de novo e escolha Permitir (ou Aceitar) quando o provedor perguntar se o mailsetup pode usar seus e-mails.
oauth-error-wrong-state-advice = A resposta no navegador veio de outra tentativa de login ou foi adulterada. Feche as abas de login antigas e comece de novo.
oauth-error-device-code-expired-advice = O código não foi digitado a tempo. Comece de novo e digite o novo código logo depois que ele aparecer.
oauth-error-invalid-grant-advice = O login salvo expirou ou foi revogado (uma senha alterada, ou o app removido das configurações de segurança da conta). Entre de novo pela página do provedor.
oauth-error-wrong-account-advice = No navegador foi escolhida outra conta, diferente do endereço que está sendo configurado. Entre de novo e escolha a conta certa (se precisar, saia antes da outra no navegador).
oauth-error-timed-out-advice = O login não foi concluído a tempo. Comece de novo e conclua-o no navegador.
oauth-error-browser-advice = Abra manualmente o endereço mostrado em um navegador, ou use o login com código (sem --browser).
oauth-error-local-advice = Algo neste computador interrompeu o login. Tente de novo, ou use o login com código (sem --browser).
oauth-cli-failed = O login pelo provedor falhou ({ $code }): { $summary }
oauth-cli-opening-browser = Abrindo a página de login de { $name } no navegador; termine o login lá.
oauth-cli-open-by-hand = Não foi possível abrir o navegador. Abra este endereço manualmente:
oauth-cli-no-device-flow = observação: { $name } não permite acesso aos e-mails com um código; se o login for recusado, use --browser.
oauth-cli-enter-code = Para entrar, abra { $url } e digite o código { $code }
oauth-cli-or-open = (ou abra { $url }, que já contém o código)
oauth-cli-waiting = Aguardando a aprovação do login …
oauth-cli-no-token-in-env = a variável de ambiente { $var } não contém nenhum token
oauth-cli-no-secret-in-env = a variável de ambiente { $var } não contém nenhum segredo de cliente
oauth-cli-issuer-needs-scopes = --oauth-issuer precisa das permissões (scopes) a pedir: informe --oauth-scope
oauth-cli-issuer-discovered = Fazendo login em { $issuer }, indicado por { $via }
oauth-cli-discovered-needs-scopes = o login que a busca encontrou não indica scopes: informe-os com --oauth-scope
oauth-cli-mechanism = "{ $text }": use oauthbearer ou xoauth2
oauth-cli-renew-not-kept = aviso: o provedor renovou o login, mas o chaveiro não conseguiu guardá-lo: { $error }
oauth-cli-no-refresh-token = não salvo: o provedor não deu nenhum token de atualização, então o login não poderia ser renovado depois (peça acesso offline: o scope offline_access)
cause-oauth-scope-missing = O login feito na página do provedor não inclui permissão para usar os e-mails.
cause-oauth-scope-missing-advice = Entre de novo pela página do provedor e permita o acesso aos e-mails quando ele perguntar. Se essa permissão não aparecer, ela falta no registro do app no provedor.
cause-oauth-token-rejected = O servidor não aceitou o login feito na página do provedor (o token de acesso foi recusado).
cause-oauth-token-rejected-advice = Entre de novo pela página do provedor. Se continuar falhando, o login pode ser de outra conta, diferente deste endereço, ou o provedor pode ter revogado o acesso deste app: confira os apps permitidos nas configurações de segurança da conta.
cause-oauth-scope-asked = O servidor pede a permissão (scope) "{ $scope }".
cause-oauth-names-service = Ele informa que seu serviço de login fica em { $url }.

## What a screen reader hears beyond the visible text

window-title = Configurar e-mail
a11y-scroll-page = Rolar a página
a11y-scroll-transcript = Rolar a transcrição
a11y-status-line = { $label }: { $status }
a11y-test-line = { $role } — { $item }: { $status }

## Why the keychain could not keep the password (the Done page)

keychain-problem = { $store }: { $reason }.
keychain-no-session-bus = não é possível acessar o Secret Service: não há barramento de sessão D-Bus ({ $detail })
keychain-no-session-bus-advice = Execute o mailsetup dentro da sua sessão de desktop, ou inicie um barramento de sessão com um serviço de chaveiro (dbus-run-session); ou guarde a senha no chaveiro do kernel (keyutils).
keychain-no-secret-service = nenhum Secret Service está rodando no barramento de sessão ({ $detail })
keychain-no-secret-service-advice = Instale e inicie o GNOME Keyring (gnome-keyring-daemon) ou o KWallet com a interface Secret Service ativada; ou guarde a senha no chaveiro do kernel (keyutils).
keychain-locked = o chaveiro está bloqueado e não pôde ser desbloqueado aqui (o pedido de desbloqueio não pôde ser mostrado, ou foi fechado)
keychain-locked-advice = Desbloqueie-o (entre na sessão do desktop ou abra "Senhas e chaves") e tente de novo.
keychain-no-default-keyring = o Secret Service ainda não tem chaveiro padrão e não conseguiu pedir que você crie um (o pedido não pôde ser mostrado)
keychain-no-default-keyring-advice = Crie um em "Senhas e chaves" (Seahorse), ou inicie o gnome-keyring-daemon com --unlock, e tente de novo.
keychain-access-denied = { $store } negou ao mailsetup o acesso às senhas ({ $detail })
keychain-access-denied-advice = Permita o mailsetup nas configurações do chaveiro e tente de novo.
keychain-no-session-keyring = o chaveiro do kernel (keyutils) não tem um chaveiro de sessão utilizável nesta sessão
keychain-no-session-keyring-advice = Execute o mailsetup a partir de uma sessão normal, ou inicie uma com `keyctl session -`.
keychain-not-found = { $store } não tem senha para { $entry }
keychain-not-found-advice = Salve a conta de novo para guardá-la.
keychain-unsupported = { $store } não está disponível neste sistema
keychain-unsupported-advice = Use { $default }.
keychain-too-long = a senha é longa demais para { $store } ({ $detail })
keychain-too-long-advice = Guarde-a em outro chaveiro.
keychain-bad-encoding = a senha que { $store } guarda para { $entry } não é um texto válido
keychain-bad-encoding-advice = Salve a conta de novo.
keychain-failed = { $store } falhou: { $detail }
keychain-failed-advice = Tente de novo; se falhar outra vez, saia da sessão do desktop e entre de novo.
keychain-task = a tarefa do chaveiro parou de forma inesperada: { $detail }
keychain-task-advice = Tente de novo.

## Store errors on the command line (`accounts`, `diagnose --save`); `keychain-words` joins a keychain error's reason and advice

keychain-words = { $reason }. { $advice }
store-invalid = a conta não pode ser salva: { $detail }
store-not-found = nenhuma conta salva tem o identificador "{ $id }" (`mailsetup accounts list` mostra as contas)
store-wrong-keychain = a conta "{ $id }" guarda a senha em { $saved_in }, não em { $given }: use --keychain { $word }
store-rollback-failed = { $cause }. Também não foi possível deixar o chaveiro como estava ({ $undo }): remova à mão a entrada { $entry } no gerenciador de chaveiro
store-no-config-dir = nenhuma pasta de configuração foi encontrada para este usuário (sem pasta pessoal?): informe --config-dir PASTA ou defina { $env }
store-task = a tarefa de armazenamento parou inesperadamente: { $detail }
store-cancelled = o salvamento foi cancelado; nada foi salvo

## Network checks (IPv4 / IPv6) and lockouts of the provider table

network-attempt-connected = funciona
network-attempt-refused = recusa a conexão
network-attempt-no-route = não tem rota a partir deste computador
network-attempt-unreachable = está inacessível
network-attempt-no-answer = não responde
network-attempt-failed = falha
network-family-result = { $family } { $result }
network-family-summary = { $summary } ({ $results }.)
network-family-warning = O { $broken } para este servidor { $result } ({ $address }); o { $works } funciona. Programas que tentam primeiro o { $broken } podem conectar devagar ou nem conectar: avise o administrador da rede ou o provedor de e-mail.
provider-gmail-lockout = normalmente em menos de uma hora e no máximo em 24 horas

## Where discovery sources disagree

discover-disagree-username = As fontes indicam nomes de usuário diferentes para { $server }; é testado o da fonte mais confiável.
discover-disagree-security = As fontes não concordam se o { $protocol } em { $host }:{ $port } começa com TLS ou passa para STARTTLS; as duas formas são testadas e o teste real mostra qual o servidor usa.
discover-disagree-port = As fontes indicam portas diferentes para { $protocol } em { $host }; a mais bem classificada é testada primeiro e o teste real decide.
provider-spectrum-disputed-1 = A porta 110 é a porta sem criptografia (STLS) do POP3, então "110 com SSL" não funciona como está escrito; POP3 com TLS usa a 995, e o servidor atual é mobile.charter.net:995. O pop.charter.net:110 também foi retirado do ISPDB da Mozilla em 2023.
provider-spectrum-disputed-2 = A porta 143 é IMAP sem criptografia (no máximo STARTTLS); os servidores da Spectrum são acessados pela 993 com TLS desde o início.
provider-spectrum-disputed-1-by = um artigo muito copiado sobre as configurações da Spectrum
provider-spectrum-disputed-2-by = um artigo muito copiado sobre as configurações da Spectrum
provider-spectrum-server-3-per = Mozilla ISPDB
provider-spectrum-server-4-per = as páginas de ajuda da Spectrum

## The command line's errors

cli-password-prompt = Senha:
cli-password-empty = a senha está vazia
cli-env-not-set = a variável de ambiente { $var } não está definida
cli-env-not-utf8 = a variável de ambiente { $var } não é UTF-8 válido
cli-password-stdin-failed = não foi possível ler a senha da entrada padrão: { $error }
cli-no-terminal = nenhuma senha informada e nenhum terminal para pedi-la: use --password-stdin ou --password-env VAR
cli-password-prompt-failed = não foi possível ler a senha do terminal: { $error }
cli-timeout-invalid = --timeout precisa ser um número de segundos acima de 0 e no máximo 600, não { $value }
cli-not-saved-unverified = não salvo: nem todos os servidores foram verificados
cli-not-saved = não salvo: { $error }

## `accounts list`: an account that signs in through its provider's page

accounts-oauth-sign-in = OAuth 2.0 com { $issuer } (cliente { $client }); o token de atualização está em { $keychain }

## Round trip and OAuth safety

roundtrip-summary-left-flagged = A mensagem de teste chegou à caixa de entrada { $seconds } depois de enviada. Ela fica marcada como excluída; seu programa de e-mail a remove na próxima limpeza. Removê-la agora teria removido também outras mensagens que você marcou como excluídas.
roundtrip-left-flagged = fica marcada como excluída; seu programa de e-mail a remove na próxima limpeza
report-label-sign-ins = logins
oauth-error-redirect-refused = { $url } respondeu com um redirecionamento; ele não foi seguido, então nada foi enviado a outro endereço
oauth-error-redirect-refused-advice = Um serviço de login que manda os pedidos de token para outro lugar está mal configurado ou não é do provedor. Confira o endereço do emissor (--oauth-issuer) e pergunte ao provedor qual usar.
## Boundaries and consent

discover-why-bad-host = as configurações de { $place } indicam um servidor que não é um nome de host válido, por isso foram recusadas
discover-why-bad-issuer = o arquivo de configurações em { $place } indica um servidor de login que não é um endereço https de um host válido, por isso foi recusado
discover-why-private-redirect = { $place } redirecionou para um endereço deste computador ou da rede local, e esse redirecionamento não é seguido
cli-plaintext-needs-host = --allow-plaintext sem host vale só para os servidores dados com --imap, --pop3 ou --smtp; para servidores descobertos, informe o host: --allow-plaintext HOST
cli-plaintext-bad-host = --allow-plaintext { $host }: informe um nome de host
keychain-no-answer = o { $store } não respondeu em { $seconds } s
keychain-no-answer-advice = Se uma janela pedir uma senha para desbloqueá-lo, responda e tente de novo; se nada pedir, saia da sessão da área de trabalho e entre novamente.
accounts-entries-elsewhere = as entradas do chaveiro de { $id } foram salvas a partir de outra pasta de configuração (esta foi copiada ou movida): a cópia e o original as compartilham, então remover ou salvar a conta aqui também as altera lá
## Hand-off: the account in other mail programs (src/export, src/flow/export.rs, src/cli/export.rs, the Done page)

export-format-tfa = código QR para o Thunderbird para Android
export-format-dclogin = código QR para o Delta Chat
export-format-mobileconfig = perfil de configuração da Apple
export-format-autoconfig = arquivo autoconfig
export-oauth-not-carried = o { $format } não consegue levar uma conta que entra pelo provedor (OAuth 2.0): entre com o provedor no outro aparelho
export-non-ascii-address = o { $format } só leva endereços escritos com caracteres ASCII simples, e { $address } não é assim
export-password-required = o { $format } sempre contém a senha, então só é criado quando você inclui a senha
export-imap-required = o { $format } precisa de um servidor IMAP, e nenhum foi verificado para esta conta POP3
export-bad-host = “{ $host }” não é um nome de servidor que um programa de e-mail possa usar
export-control-character = { $field } contém um caractere de controle (como uma quebra de linha)
export-field-name = o nome
export-field-address = o endereço de e-mail
export-field-incoming-host = o nome do servidor de entrada
export-field-outgoing-host = o nome do servidor de saída
export-field-incoming-user = o usuário de entrada
export-field-outgoing-user = o usuário de saída
export-field-password = a senha
export-invalid = a conta não pode ser exportada: { $reason }
export-too-large = o código teria { $bytes } bytes, mais do que cabe em um código QR ({ $max })
export-png-failed = não foi possível criar a imagem do código QR: { $reason }
export-sign-unreadable = { $path }: { $reason }
export-sign-no-openssl = não foi possível iniciar o openssl, que assina o perfil ({ $reason }): instale-o (Debian: apt-get install openssl)
export-sign-failed = o openssl não conseguiu assinar o perfil: { $reason }
export-sign-timed-out = o openssl não terminou de assinar em { $seconds } segundos
export-profile-mail-name = E-mail: { $email }
export-profile-name = Conta de e-mail { $email }
export-profile-description = Adiciona a conta { $email } ao Mail com as configurações que o Mail Setup verificou.
export-not-written = não foi possível gravar { $path }: { $reason }
export-password-warning = Quem vir este código ou arquivo pode ler seus e-mails e enviar mensagens em seu nome.
export-cli-goa-flags = --out, --payload e --sign-* não se aplicam a --format goa
export-cli-payload-qr-only = --payload é só para os formatos QR (tfa-qr, dclogin-qr)
export-cli-sign-profile-only = --sign-cert e --sign-key só assinam um perfil mobileconfig
export-cli-autoconfig-no-password = um arquivo autoconfig serve o domínio inteiro e nunca contém senha: retire --with-password
export-cli-oauth-no-password = esta conta entra pelo provedor: nenhuma senha é exportada, o outro aparelho entra por conta própria
export-cli-qr-caption = { $format }: versão QR { $version } ({ $size }×{ $size } módulos). Leia-o com o aplicativo.
export-cli-unsigned = O perfil não está assinado: os aparelhos o mostram como “Não verificado”. Assine-o com --sign-cert e --sign-key.
export-cli-written = { $format } gravado em { $path }.
export-cli-publish-at = Publique o arquivo em:
export-cli-srv-records = Ou publique estes registros DNS SRV (RFC 6186) na zona do domínio:
export-cli-goa-added = Adicionada às Contas on-line do GNOME: { $path }
handoff-heading = Usar esta conta em outros aparelhos e aplicativos
handoff-phone = Seu celular
handoff-thunderbird = Thunderbird
handoff-deltachat = Delta Chat
handoff-thunderbird-hint = No Thunderbird do celular, escolha importar as configurações de outro aparelho e leia este código.
handoff-deltachat-hint = No Delta Chat, adicione uma conta, escolha ler um código e leia este.
handoff-include-password = Incluir minha senha no código
handoff-include-password-profile = Incluir minha senha no perfil
handoff-show-code = Mostrar código
handoff-hide-code = Ocultar código
handoff-code-hidden = Este código contém sua senha, por isso fica oculto até você escolher mostrá-lo.
handoff-making = Criando o código…
handoff-qr-name = Código QR para { $format }
handoff-apple = iPhone, iPad ou Mac
handoff-apple-hint = Um arquivo de perfil: abra-o no aparelho e confirme em Ajustes. Ele não é assinado, por isso o aparelho o marca como “Não verificado”.
handoff-save-profile = Salvar perfil…
handoff-gnome = GNOME (Evolution, Geary)
handoff-gnome-hint = Adiciona a conta às contas on-line da área de trabalho, onde os programas de e-mail do GNOME a encontram.
handoff-gnome-add = Adicionar
handoff-gnome-added = Adicionada às Contas on-line do GNOME.
handoff-admin = Para quem administra seu domínio
handoff-admin-hint = Um arquivo autoconfig: publicado no servidor web do domínio, ele permite que os programas de e-mail encontrem estas configurações sozinhos.
handoff-save-autoconfig = Salvar autoconfig…
handoff-saved = Salvo em { $path }.
handoff-not-saved = Não salvo: { $reason }
handoff-save-title = Salvar o arquivo

## GNOME Online Accounts

goa-not-available = As Contas on-line do GNOME só existem em desktops Linux
goa-not-available-advice = Leve a conta para os seus outros aplicativos com o código QR ou com o arquivo de configuração.
goa-no-session-bus = nenhuma sessão de desktop foi encontrada para chegar às Contas on-line do GNOME ({ $reason })
goa-no-session-bus-advice = Execute isto em um terminal dentro da sua sessão de desktop (não por SSH nem como outro usuário).
goa-not-installed = As Contas on-line do GNOME não estão instaladas neste computador
goa-not-installed-advice = Instale-as (Debian e Ubuntu: apt install gnome-online-accounts) e tente de novo, ou adicione a conta à mão no seu programa de e-mail.
goa-not-running = O serviço das Contas on-line do GNOME não iniciou ou não respondeu: { $reason }
goa-not-running-advice = Saia da sessão, entre de novo e tente outra vez.
goa-oauth = { $email } entra pelo seu provedor (OAuth), mas as contas "IMAP e SMTP" do GNOME só aceitam senha
goa-oauth-advice = Adicione a conta em Configurações → Contas on-line com a entrada própria do provedor (por exemplo, Google ou Microsoft 365).
goa-pop3 = { $email } recebe e-mails por POP3, e as Contas on-line do GNOME só têm IMAP
goa-pop3-advice = Configure a conta de novo com IMAP, ou adicione-a à mão no seu programa de e-mail.
goa-already-exists = As Contas on-line do GNOME já têm uma conta para { $email }; nada foi adicionado
goa-already-exists-advice = Para substituí-la, remova primeiro a antiga em Configurações → Contas on-line.
goa-refused = As Contas on-line do GNOME recusaram a conta: { $message }
goa-password-not-stored = As Contas on-line do GNOME não conseguiram guardar a senha no chaveiro ({ $reason }), por isso a conta foi removida de novo
goa-password-not-stored-kept = As Contas on-line do GNOME não conseguiram guardar a senha no chaveiro ({ $reason }) e a conta incompleta não pôde ser removida: remova-a em Configurações → Contas on-line
goa-password-not-stored-advice = Desbloqueie o chaveiro (entre na sessão do desktop ou abra "Senhas e chaves") e tente de novo.
goa-timeout = As Contas on-line do GNOME não responderam ({ $step }) em { $seconds } segundos
goa-timeout-advice = Se uma janela do chaveiro estiver esperando a sua senha, responda-a e tente de novo.
goa-unexpected = As Contas on-line do GNOME responderam a { $step } de um jeito que esta versão do Mail Setup não entende: { $detail }
goa-invalid = esta conta não pode ser transferida: { $detail }
## Window polish

password-paste-refused = O texto colado tem uma quebra de linha no meio, que nenhum servidor de e-mail aceita em uma senha, por isso não foi colado. Copie só a senha e cole de novo.
password-space-start = Sua senha começa com um espaço. Se ele não faz parte dela, apague-o.
password-space-end = Sua senha termina com um espaço. Se ele não faz parte dela, apague-o.
password-space-both = Sua senha começa e termina com um espaço. Se eles não fazem parte dela, apague-os.
problems-count = { $count ->
    [one] Um campo precisa de atenção.
   *[other] { $count } campos precisam de atenção.
}
consent-suggested = sugerido — ainda não testado
manual-suggested = { $host } é uma sugestão a partir dos nomes habituais, ainda não testada.
cli-check-no-accounts = nenhuma conta está salva em { $folder }: nada a verificar
cli-check-which = há mais de uma conta salva ({ $ids }): indique qual verificar
replace-question = Substituir a conta salva de { $email }? Já existe uma conta salva para este endereço ({ $id }); salvar agora coloca estas configurações e esta senha no lugar dela.
replace-confirm = Substituir a conta salva
replace-looking = Verificando se já existe uma conta salva para este endereço… O salvamento segue assim que a resposta chegar.
manual-browse = Procurar…
manual-browse-title = Arquivo da autoridade certificadora
manual-ca-in-effect-file = Em vigor: as autoridades certificadoras do sistema e { $file }.
manual-ca-in-effect-environment = Em vigor: as autoridades certificadoras do sistema e { $file } (de MAILSETUP_CA_FILE).
manual-ca-in-effect-system = Em vigor: só as autoridades certificadoras do sistema.
## Platforms

platform-verifier-unavailable = não foi possível preparar a verificação de certificados deste sistema ({ $detail }); informe o certificado da autoridade do servidor com --ca-file para verificar só com ele
platform-trust-caller-only = Aviso: não foi possível preparar a verificação de certificados deste sistema ({ $detail }). Os certificados são conferidos só com o arquivo de autoridade informado: cadeia, assinaturas, datas, nome do servidor e finalidade, mas sem consulta de revogação e sem a lista de certificados que o sistema recusa.
cause-certificate-check-unavailable = A verificação de certificados deste computador não funciona, então o certificado do servidor não pôde ser conferido.
cause-certificate-check-unavailable-advice = Nada foi enviado ao servidor. Informe o certificado da autoridade do servidor (--ca-file, ou "Confiar na chave deste servidor" na janela) para conferir só com ele, ou faça o teste num computador cuja verificação de certificados funcione (isso acontece no wine, não no próprio Windows).

# scram-wire: SCRAM sign-in proves interception (issue 25)
cause-tls-intercepted-proven = Algo entre este computador e o servidor de e-mail abriu a sua própria conexão criptografada com o servidor: o login provou isso. A senha em si não foi enviada.
cause-tls-intercepted-proven-advice = Não faça login por esta rede até saber o que está no meio. Desative no seu software de segurança a verificação de conexões criptografadas (ou de e-mails), ou tente outra rede (por exemplo, o roteador do seu celular). Se for a rede de uma empresa, pergunte à TI se ela inspeciona as conexões de e-mail.

# pacc: PACC, autoconfig 1.2 e JMAP detectado (issue 24 §2–§4)
source-pacc = o arquivo de configuração do domínio conferido pelo resumo (PACC)
source-jmap = verificação de JMAP (.well-known e SRV)
discover-jmap-offered = Este provedor também oferece JMAP (visto em { $seen }). O mailsetup ainda não entra por JMAP; ele configura IMAP ou POP3 com SMTP.
discover-why-pacc-no-digest = o arquivo de configuração em { $place } não foi usado: { $name } não publica no DNS nenhum resumo que o confirme
discover-why-pacc-mismatch = o arquivo de configuração em { $place } não foi usado: ele não confere com o resumo publicado em { $name }, então pode não ser do provedor
protocol-jmap-offered = Este provedor também oferece JMAP, uma forma mais nova de os programas de e-mail falarem com o servidor. O mailsetup ainda não consegue entrar por JMAP, então escolha IMAP ou POP3 aqui.
discover-other-services = O provedor também lista, sem configuração pelo mailsetup: { $services }
discover-sasl = mecanismos de entrada indicados pelo provedor: { $mechanisms }
## Branch autodiscover: Microsoft Autodiscover and Microsoft 365

source-autodiscover = Autodiscover da Microsoft
discover-exchange-only = { $domain } oferece o Microsoft Exchange (a conexão própria do Outlook) e não indica nenhum servidor IMAP, POP3 ou SMTP. O IMAP ainda pode estar ativado lá; os nomes de servidor usuais também são testados.
vouch-autodiscover = indicado pelo Autodiscover da Microsoft por uma conexão verificada
# settle: testing while discovery still runs
early-switched = { $source } indicou um servidor mais bem classificado, { $host }: testando esse no lugar.
## oauth-public: entrar sem um cliente registrado antes (src/oauth/register.rs, metadata.rs)

oauth-error-no-registration = entrar com { $provider } exige um ID de cliente, nenhum está configurado, e { $issuer } não deixa apps se registrarem sozinhos (seus metadados não indicam um endpoint de registro)
oauth-error-no-registration-advice = Este provedor espera que os apps sejam registrados com ele antes. Peça ao provedor um ID de cliente para o mailsetup e informe-o com --oauth-client-id ou na variável de ambiente MAILSETUP_OAUTH_CLIENT_ID, ou entre com uma senha se o provedor permitir.
oauth-error-registration-refused = { $url }: o provedor recusou registrar o mailsetup: { $code }
oauth-error-registration-refused-advice = O provedor não deixou o mailsetup se registrar como app de desktop. Peça ao provedor um ID de cliente para o mailsetup e informe-o com --oauth-client-id, ou entre com uma senha se o provedor permitir.
oauth-error-not-public-client = { $url } registrou o mailsetup como um cliente que precisa se autenticar com { $method }, não como um app público
oauth-error-issuer-mismatch = { $url } indica o emissor { $named }, não { $expected }, então seus endpoints não são usados
oauth-error-issuer-mismatch-advice = A descrição do servidor de login pertence a outro servidor, então nada foi enviado a ele. Confira o endereço de login (--oauth-issuer, ou o que a configuração do seu provedor indica) com o seu provedor.
oauth-cli-registered = Nenhum ID de cliente está configurado para { $name }: o mailsetup se registrou lá como o app { $id }.
oauth-cli-registered-browser = Um app registrado assim entra pelo navegador.
accounts-label-registered = registrado
accounts-oauth-registered = pelo próprio mailsetup em { $endpoint }, pois nenhum ID de cliente estava configurado
accounts-label-resource = tokens para
