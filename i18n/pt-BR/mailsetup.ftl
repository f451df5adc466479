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
