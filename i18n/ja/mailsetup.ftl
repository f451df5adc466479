# Mail Setup — 日本語。

## Units and numbers

unit-under-1-ms = 1 ms 未満
unit-ms = { $value } ms
unit-seconds = { $value } 秒

## Window frame and buttons

header-step = · ステップ { $step } / { $steps }
page-account = アカウント
page-lookup = プロバイダーを調べています
page-protocol = メールをどのように読みますか？
page-testing = 設定をテストしています
page-manual = 手動設定
page-done = 完了
page-done-keychain-failed = パスワードを保存できませんでした
page-done-file-failed = 保存できませんでした
page-done-saving = 保存しています
nav-next = 次へ
nav-back = 戻る
nav-cancel = キャンセル
nav-close = 閉じる
nav-try-again = もう一度試す
nav-set-up-manually = 手動で設定
nav-save-account = アカウントを保存
nav-test-settings = 設定をテスト
nav-add-another = 別のアカウントを追加
language-label = 言語
role-incoming = 受信メール
role-outgoing = 送信メール

## Page 1: your account

account-intro = メールで使っているアドレスとパスワードを入力してください。最適なサーバーを探し、保存する前にテストします。
account-name = 名前（任意）
account-name-hint = 相手に表示される名前
account-email = メールアドレス
account-did-you-mean = { $suggestion } ではありませんか？
account-use-suggestion = { $suggestion } を使う
account-password = パスワード
account-show-password = パスワードを表示
account-password-problem = { $problem } パスワードを直してから「次へ」を押すと、もう一度テストします。
account-password-missing = パスワードを入力してください。
account-not-ready = 続けるにはアドレスとパスワードを入力してください。
password-line-break = パスワードに改行が含まれています。改行はメールサーバーに送れません（貼り付けたときによく紛れ込みます）。
password-nul = パスワードに NUL 文字が含まれています。この文字はメールサーバーに送れません。
note-before-you-start = 始める前に: { $step }
note-app-password-here = アプリパスワードはこちらで作成できます:

## Page 2: looking up the provider

lookup-asking = { $domain } のメールサーバーを知っていそうなところに問い合わせています。ふつうは数秒で終わります。
lookup-nothing-found = { $domain } の設定をすべて見つけることはできませんでした。
lookup-nothing-found-advice = アドレスに入力ミスがないか確かめるか、サーバーを手動で入力してください。サーバーの情報はプロバイダーのヘルプページに載っています。
lookup-failed = 検索を実行できませんでした。
lookup-waiting = 待機中
lookup-found = { $count } 件のサーバーが見つかりました
lookup-nothing = なし
lookup-source-failed = 失敗: { $why }
lookup-not-needed = 不要
lookup-starting = 開始しています…

## Page 3: IMAP or POP3

protocol-intro = メールの読み方を教えてください。合った方法をおすすめします:
protocol-one-device = このメールは 1 台のパソコンでしか読まない
protocol-offline = インターネットにつながっていないときにもメールを読むことが多い
protocol-imap-title = IMAP — メールをサーバーに残し、どこでも同じ状態に
protocol-pop3-title = POP3 — メールをこのパソコンにダウンロード
protocol-recommended = { $title }（おすすめ）
protocol-not-available = 利用できません: { $why }
protocol-server = サーバー: { $endpoint }（{ $security }）
protocol-our-suggestion = おすすめ
protocol-provider-says = プロバイダーの案内
protocol-confirm-first = 先にこのページに並んでいるサーバーを確認してください。
protocol-imap-text = メールはプロバイダーのサーバーに残り、このアプリはそこから表示します。スマートフォン、ノートパソコン、Web メールのどれでも同じメッセージ、フォルダー、既読の状態が見え、どこかで削除したメッセージはすべてから消えます。ほとんどの操作にはサーバーへの接続が必要ですが、最近のメールはたいていオフラインでも読めるように保存されます。
protocol-pop3-text = 新しいメールはこのパソコンにダウンロードされ、サーバーにコピーを残すかどうかはアプリで選べます。ダウンロードしたものは接続なしで読めます。ただし、フォルダー、既読の状態、送信済みメールはこのパソコンにしか残らず、ほかの端末からは見えません。
protocol-no-imap = このプロバイダーは IMAP を提供していません（問い合わせた先のどこにも IMAP サーバーがありません）。そのため、このアプリでは端末間でメールを同期できません。
protocol-no-pop3 = このプロバイダーは POP3 を提供していません（問い合わせた先のどこにも POP3 サーバーがありません）。ここでは IMAP でメールを読みます。
protocol-why-pop3-only = このプロバイダーでメールを読む方法は POP3 だけです。
protocol-why-pop3-one-device-offline = メールを 1 台の端末で、しかもオフラインで読むことが多いとのことなので、POP3 ならすべてをこのパソコンに保存し、オフラインでも読めます。あとでスマートフォンでも読むかもしれないなら、IMAP を選んでください。
protocol-why-pop3-one-device = メールを 1 台の端末で読むとのことなので、POP3 ならすべてをこのパソコンに保存し、オフラインでも読めます。あとでスマートフォンでも読むかもしれないなら、IMAP を選んでください。
protocol-why-pop3-offline = メールをオフラインで読むことが多いとのことなので、POP3 ならすべてをこのパソコンに保存し、オフラインでも読めます。あとでスマートフォンでも読むかもしれないなら、IMAP を選んでください。
protocol-why-imap-provider = 読み方からすると POP3 も合いそうですが、プロバイダーが IMAP を求めているので、ここでは IMAP をおすすめします。
protocol-why-imap = ほとんどの人には IMAP が向いています。どの端末でも同じメールが見え、このパソコンが壊れても何も失われません。
stance-spectrum = Spectrum はメールアプリに IMAP を使うよう求めています。POP3 もまだ応答しますが、Spectrum では古い方式という扱いです。

## Who gets the password

consent-heading = パスワードの送信先
consent-recipient = { $role }: { $host } — { $from }
consent-unvouched = このサーバーがプロバイダーのものだと確認できる情報はありません。心当たりがある場合にだけパスワードを送ってください。
consent-send-to = パスワードを { $host } に送る
consent-problem = パスワードを送る前に、下で印の付いたサーバーをそれぞれ確認してください。

## Page 4: testing

check-find-server = サーバーを探す
check-connect = 接続
check-secure = 安全な接続
check-greeting = サーバーの応答
check-sign-in = サインイン
check-sign-out = サインアウト
row-waiting = 待機中
row-running = 実行中
row-done = 完了
row-failed = 失敗
row-not-reached = 未到達
row-skipped = スキップ
row-stopped = 停止
testing-both-work = 両方のサーバーが使えます。「アカウントを保存」を押すと、この設定を保存します。
testing-settings-from = 設定の入手元: { $sources }
testing-server-heading = { $role } — { $protocol } { $endpoint }（{ $security }、ユーザー { $user }）
testing-not-started = テストを開始できませんでした。
testing-warning = 注意: { $text }
testing-server-said = サーバーからの応答:
testing-candidates = 見つかったサーバー（パスワードを使わずに確認）:
testing-answers = 応答あり
testing-no-answer = 応答なし
testing-details = 詳細（{ $role }）
testing-cause-code = 原因コード: { $code }
testing-greeting = 応答: { $greeting }
testing-connected-to = 接続先 { $address }
testing-certificate-verified = 証明書を確認済み
testing-certificate-not-verified = 証明書は未確認
testing-certificate-for = { $names } の証明書、発行元 { $issuer }、有効期限 { $until }
testing-transcript = やり取りの記録（パスワードは削除済み）
action-fix-password = パスワードを直す
action-create-app-password = アプリパスワードを作成
action-enter-app-password = アプリパスワードを入力
action-try-security = { $security } とポート { $port } で試す
action-try-another-server = 別のサーバーを試す
action-edit-settings = 設定を編集
action-retry = 再試行

## The server's certificate

cert-title = サーバーの証明書
cert-trust-explained = 自分のサーバーである場合（または管理者に鍵のフィンガープリントを確認してもらった場合）は、{ $host }:{ $port } に限ってこの鍵を信頼できます。名前と有効期間は引き続き確認され、鍵が変わったときには警告します。
cert-trust-key = このサーバーの鍵を信頼する
cert-no-names = （なし）
cert-valid-range = { $from } から { $until } まで
cert-subject = 発行先
cert-issued-by = 発行元
cert-names = 名前
cert-valid = 有効期間
cert-sha256 = 証明書の SHA-256
cert-spki-sha256 = 公開鍵の SHA-256

## Sending a test message to oneself

roundtrip-option = 自分宛てにテストメッセージを送る
roundtrip-option-help = 両方のサーバーが使えるようになったら、あなたのアドレスから同じアドレスへ本物のメッセージを 1 通送ります。届いたらすぐに削除します。
roundtrip-step-send = テストメッセージを送る
roundtrip-step-wait = 受信トレイに届くのを待つ
roundtrip-step-delete = 削除する
roundtrip-sending = 送信中
roundtrip-sent = 送信済み
roundtrip-sent-in = 送信済み（{ $seconds }）
roundtrip-queue-id = （キュー ID { $queue }）
roundtrip-waiting = 待機中
roundtrip-arrived-after = { $seconds } で到着
roundtrip-deleted = 削除済み
roundtrip-not-deleted = 削除できませんでした
roundtrip-not-arrived-within = { $seconds } 以内に届きませんでした
roundtrip-not-sent = 送信されていません
roundtrip-not-searched = 受信トレイを検索できませんでした
roundtrip-summary-arrived = テストメッセージは送信から { $seconds } で受信トレイに届き、削除されました。
roundtrip-summary-arrived-not-deleted = テストメッセージは送信から { $seconds } で受信トレイに届きましたが、削除できませんでした。お手数ですがご自身で削除してください。
roundtrip-summary-not-arrived = 送信サーバーはテストメッセージを受け付けましたが、{ $seconds } たっても受信トレイに届いていません。迷惑メールフォルダーを見て、アカウントのフィルターや転送の設定を確かめてください。あとで届いた場合は削除してかまいません。
roundtrip-summary-not-arrived-queue = 送信サーバーはテストメッセージを受け付けました（キュー ID { $queue }）が、{ $seconds } たっても受信トレイに届いていません。迷惑メールフォルダーを見て、アカウントのフィルターや転送の設定を確かめてください。あとで届いた場合は削除してかまいません。
roundtrip-summary-not-sent = テストメッセージを送信できませんでした: { $summary } { $advice }
roundtrip-summary-not-checked = テストメッセージは送信しましたが、受信トレイを検索できませんでした: { $summary } { $advice }

## Reports for a technician

report-copy = レポートをコピー
report-copy-hover = テストレポート（Markdown、パスワードは削除済み）をサポートへの問い合わせ用にコピーします
report-save = レポートを保存…
report-save-hover = テストレポート（Markdown、パスワードは削除済み）をファイルに保存します
report-save-title = レポートを保存
report-no-dialog = ここではファイルダイアログを開けませんでした（デスクトップポータルか zenity が必要です）。代わりに「レポートをコピー」を使ってください。
report-technician-view = 技術者向け表示
report-technician-view-hover = サーバーとのやり取りをリアルタイムで表示します（パスワードは削除済み）
report-live-transcript = サーバーとのやり取り（リアルタイム、{ $role }、パスワードは削除済み）
report-nothing-yet = （まだありません）
report-copied = レポートをクリップボードにコピーしました（パスワードは削除済み）。
report-saved = レポートを { $path } に保存しました。
report-not-saved = レポートを保存できませんでした: { $why }

## Page 5: manual settings

manual-intro = これらの設定はプロバイダーのヘルプページに載っています。ユーザー名はたいていメールアドレス全体です。
manual-incoming-protocol = 受信の方式:
manual-incoming-server = 受信サーバー
manual-incoming-port = 受信ポート
manual-incoming-user = 受信ユーザー名
manual-outgoing-server = 送信サーバー
manual-outgoing-port = 送信ポート
manual-outgoing-user = 送信ユーザー名
manual-security = 暗号化:
manual-security-none = なし（危険）
manual-accept-plaintext = パスワードを暗号化せずに送る。自分とサーバーの間のネットワーク（公衆 Wi-Fi、インターネット接続業者など）にいる誰でも、パスワードとメールを読めることを理解しています。
manual-accept-plaintext-to = パスワードを暗号化せずに { $hosts } へ送る。自分とそのサーバーの間のネットワーク（公衆 Wi-Fi、インターネット接続業者など）にいる誰でも、パスワードとメールを読めることを理解しています。
manual-extra-ca-section = 認証局（会社のサーバー用）
manual-extra-ca-intro = 社内の IT 部門から自社メールサーバー用の証明書ファイルを渡された場合だけ使います。
manual-extra-ca-file = 認証局のファイル（PEM）
manual-accept-extra-ca = この認証局が署名したすべての証明書を信頼する。この認証局の鍵を持つ人は、このアプリとこれらのサーバーの通信を読めます。
manual-http-warning = 暗号化されていない HTTP で取得した設定です。ネットワーク上の誰かが { $host } の設定を書き換えた可能性があります。テストする前にプロバイダーに確認してください。
manual-needs-attention = 確認が必要な設定があります。
manual-problem-host-missing = サーバー名を入力してください（例: imap.example.com）。
manual-problem-host-invalid = 「{ $host }」はサーバー名ではありません。
manual-problem-port = ポートは 1 から 65535 までの数字です。
manual-problem-username = ユーザー名を入力してください（たいていはメールアドレス全体です）。
manual-problem-plaintext = 暗号化しないと、パスワードは経路上の誰でも読める状態でネットワークを流れます。それでよければチェックを入れてください。
manual-problem-extra-ca = この認証局を信頼する場合はチェックを入れてください。

## Page 6: done

done-saving = 保存しています: まずパスワードをキーチェーンに、次にアカウントファイルを…
done-set-up = { $email } の設定が完了しました。
done-account-file = アカウントファイル
done-password-stored-in = パスワードの保存先
done-account-id = アカウント ID
done-password-only-in-keychain = パスワードはキーチェーンにだけ保存され、アカウントファイルには書かれません。
done-no-keychain = パスワードを保存できませんでした: 使えるキーチェーンがありません。
done-nothing-saved = 何も保存していません。mailsetup が代わりにパスワードをファイルに書くことはありません。
done-what-you-can-do = できること:
done-use-keyutils = Linux カーネルのキーリングを使う
done-use-keyutils-hover = Linux カーネルのキーリング（keyutils）は、パスワードをディスクではなくカーネルのメモリに保管します。
done-keyutils-note = カーネルのキーリングはパスワードをディスクではなくメモリに保管します。システムによってはログアウトや再起動で忘れてしまい、メールアプリがもう一度パスワードを尋ねます。
done-file-failed = アカウントファイルを書き込めませんでした。
done-file-failed-rolled-back = 中途半端に保存されないよう、パスワードはキーチェーンから削除しました。

## Why a test failed: one sentence, then what to do (one pair per cause code)

cause-dns-not-found = そのサーバー名は存在しません。
cause-dns-not-found-advice = サーバー名に入力ミスがないか確かめてください。正しい名前はプロバイダーのヘルプページに載っています。
cause-dns-failed = サーバー名を調べられませんでした。
cause-dns-failed-advice = 接続（Wi-Fi、ケーブル、モバイルデータ）を確かめてから、もう一度試してください。Web サイトが開けるなら、ネットワークやプロバイダーのネームサーバーに問題があるのかもしれません。
cause-connection-refused = サーバーがこのポートでの接続を拒否しました。
cause-connection-refused-advice = ポートが違うか、サービスが止まっている可能性があります。プロバイダーの設定でポート番号を確かめてください。
cause-network-unreachable = このパソコンからサーバーまでネットワークがつながっていません。
cause-network-unreachable-advice = 接続を確かめてください。Wi-Fi やケーブルはつながっていますか？Web サイトは開けますか？そのうえでもう一度試してください。VPN や、一部の通信しか通さないネットワークが原因のこともあります。
cause-connection-timeout = サーバーが接続に応答しませんでした。
cause-connection-timeout-advice = ファイアウォール、ネットワーク、またはインターネット接続業者がこのポートをふさいでいるのかもしれません。別のネットワークで試すか、ポート番号を確かめてください。
cause-connection-closed = やり取りの途中でサーバーが接続を切りました。
cause-connection-closed-advice = 数分たってからもう一度試してください。何度も起きる場合は、サーバーがこのパソコンのアドレスをブロックしている可能性があります。プロバイダーに問い合わせてください。
cause-greeting-timeout = 接続はできましたが、サーバーから最初の応答がありませんでした。
cause-greeting-timeout-advice = サーバーが混み合っているか、ネットワーク上の何かが接続を止めている可能性があります。時間をおいて試すか、ポートを確かめてください。
cause-wrong-protocol = このポートで何かが応答しましたが、ここで期待される種類のメールサーバーではありません。
cause-wrong-protocol-advice = ポート番号がこの種類のサーバーに合っていない可能性があります。プロバイダーの設定でポートを確かめてください。
cause-tls-on-plaintext-port = このポートは暗号化なしで始める方式ですが、最初から暗号化する設定で接続しました。
cause-tls-on-plaintext-port-advice = このポートの暗号化を STARTTLS に変えるか、暗号化用のポート（IMAP は 993、POP3 は 995、送信は 465）を使ってください。
cause-plaintext-on-tls-port = このポートは最初から暗号化する方式ですが、暗号化なしで始める設定で接続しました。
cause-plaintext-on-tls-port-advice = このポートの暗号化を SSL/TLS に変えてください。
cause-tls-handshake-failed = 安全な接続を確立できませんでした。
cause-tls-handshake-failed-advice = サーバーが古い暗号方式にしか対応していない可能性があります。別の暗号化方式かポートを試し、プロバイダーに知らせてください。
cause-certificate-expired = サーバーのセキュリティ証明書の有効期限が切れています。
cause-certificate-expired-advice = 直るまでこのサーバーにパスワードを送らないでください。パソコンの日付と時刻を確かめ、正しければプロバイダーに知らせてください。
cause-certificate-not-yet-valid = サーバーのセキュリティ証明書はまだ有効になっていません。
cause-certificate-not-yet-valid-advice = パソコンの日付と時刻を確かめてください。正しければプロバイダーに知らせてください。
cause-certificate-name-mismatch = サーバーのセキュリティ証明書は別の名前のものです。
cause-certificate-name-mismatch-advice = サーバー名が別名の可能性があります。プロバイダーが認めるなら、証明書に書かれた名前（詳細を参照）を使ってください。
cause-certificate-untrusted = サーバーのセキュリティ証明書は、このパソコンが信頼する認証局の署名を受けていません。
cause-certificate-untrusted-advice = 誰かが通信を傍受している可能性があります。公衆ネットワークでは続けないでください。どの証明書が正しいかをプロバイダーか IT 部門に確認してください。独自の証明書を使う自分のサーバーなら、鍵のフィンガープリント（詳細を参照）をサーバーと照らし合わせて、その鍵を信頼してください。
cause-starttls-not-offered = サーバーがこの接続の暗号化に対応していません。
cause-starttls-not-offered-advice = パスワードは送っていません。SSL/TLS のポートを使うか、安全に接続する方法をプロバイダーに確認してください。
cause-starttls-failed = サーバーがこの接続を暗号化に切り替えるのを拒否しました。
cause-starttls-failed-advice = SSL/TLS のポートを試してください。それでも失敗する場合はプロバイダーに問い合わせてください。
cause-plaintext-auth-refused = サーバーは暗号化されていない接続ではパスワードを受け付けません。
cause-plaintext-auth-refused-advice = 暗号化を有効にしてください。暗号化の設定で SSL/TLS か STARTTLS を選びます。
cause-insecure-connection-refused = 接続が暗号化されていないため、パスワードは送りませんでした。
cause-insecure-connection-refused-advice = SSL/TLS か STARTTLS を選んでください。暗号化なしの接続は、自分とサーバーの間のすべてのネットワークを信頼できる場合にだけ許可してください。
cause-auth-failed = サーバーがユーザー名かパスワードを受け付けませんでした。
cause-auth-failed-advice = パスワード（Caps Lock も）とユーザー名を確かめてください。多くのプロバイダーではユーザー名にメールアドレス全体を使います。プロバイダーの Web サイトにサインインして、パスワードが正しいか確かめてください。
cause-unsendable-credentials = ユーザー名かパスワードに改行または NUL 文字が含まれていて、メールサーバーに送れません。何も送っていません。
cause-unsendable-credentials-advice = パスワード（とユーザー名）を手で入力し直してください。貼り付けたパスワードには行末が紛れ込みがちです。
cause-app-password-required = このアカウントには、いつものパスワードではなくアプリパスワードが必要です。
cause-app-password-required-advice = プロバイダーのアカウントのセキュリティ設定でアプリパスワードを作成し、いつものパスワードの代わりにここに入力してください。
cause-oauth-required = このプロバイダーはメールアプリからのパスワードを受け付けなくなりました。プロバイダー自身の Web ページでのサインイン（OAuth2）が必要です。
cause-oauth-required-advice = プロバイダーの Web サインインに対応したメールアプリを使うか、このアカウントでパスワードによるサインインを許可するよう管理者に頼んでください。
cause-auth-mechanism-unsupported = サーバーが、このアプリで使えるサインイン方法を用意していません。
cause-auth-mechanism-unsupported-advice = サーバーが対応しているサインイン方法をプロバイダーか IT 部門に確認してください。
cause-protocol-disabled = アカウントはありますが、メールアプリからの利用（IMAP、POP、送信）が無効になっています。
cause-protocol-disabled-advice = プロバイダーの Web メールの設定で IMAP/POP（または他のアプリからの送信）を有効にするか、管理者に許可を頼んでください。パスワード自体は正しいかもしれません。
cause-web-sign-in-required = Web サイトで確認するまで、プロバイダーがこのサインインを止めています。
cause-web-sign-in-required-advice = ブラウザーでプロバイダーの Web サイトにサインインし、この試みが自分のものだと確認してから（セキュリティ通知を探してください）、もう一度試してください。
cause-too-many-attempts = 試行が多すぎたため、プロバイダーがしばらくサインインをブロックしています。
cause-too-many-attempts-advice = 時間をおいてから試し、ほかの端末が古いパスワードで試し続けていないか確かめてください。今さらに試すと、ブロックが長引くことがあります。
cause-too-many-connections = このアカウントに同時に接続しているプログラムや端末が多すぎます。
cause-too-many-connections-advice = 別の端末のメールアプリ（またはこのパソコンの別のメールソフト）を閉じ、数分待ってからもう一度試してください。
cause-password-expired = パスワードの有効期限が切れています。
cause-password-expired-advice = プロバイダーの Web サイトにサインインして新しいパスワードを設定し、それをここに入力してください。
cause-client-blocked = サーバーが、あなたのネットワークのアドレスからの接続を拒否しています。
cause-client-blocked-advice = インターネットのアドレスが迷惑メールのブロックリストに載っている可能性があります。別のネットワークから試すか、インターネット接続業者かメールのプロバイダーにブロックの解除を頼んでください。
cause-server-unavailable = サーバーは一時的に使えません。
cause-server-unavailable-advice = たいていすぐに直ります。数分待ってからもう一度試してください。
cause-protocol-error = サーバーの応答を、このアプリは理解できませんでした。
cause-protocol-error-advice = もう一度試してください。何度も起きる場合は、詳細をプロバイダーか IT 部門に送ってください。
cause-timeout = サーバーの応答が止まりました。
cause-timeout-advice = 接続を確かめてから、もう一度試してください。サーバーが混み合っているのかもしれません。
cause-message-not-arrived = 送信サーバーはテストメッセージを受け付けましたが、時間内に受信トレイに届きませんでした。
cause-message-not-arrived-advice = 今日はメールが遅れているか、別の場所に振り分けられた可能性があります。迷惑メールフォルダーを見て、アカウントのフィルターや転送の設定を確かめてください。あとで届いたら削除してかまいません。件名にテストであることが書かれています。
cause-account-unavailable-incoming = サーバーによると、このアカウントは今は使えません（ロック、無効、使用中、容量超過のいずれか）。
cause-account-unavailable-incoming-advice = プロバイダーの Web サイトにサインインしてアカウントの状態を確かめるか、プロバイダーに問い合わせてください。
cause-account-unavailable-outgoing = サーバーによると、このアカウントは今はメールを送信できません。
cause-account-unavailable-outgoing-advice = プロバイダーの Web サイトにサインインしてアカウントを確かめるか、プロバイダーに問い合わせてください。
cause-certificate-unchecked = サーバーのセキュリティ証明書を確認できませんでした。
cause-certificate-unchecked-advice = 詳細を見てください。
cause-tls-intercepted = セキュリティソフトかネットワークのプロキシーが暗号化された通信を傍受しています。証明書はメールサーバーではなく、それが出したものです。
cause-tls-intercepted-advice = その製品で暗号化通信（またはメール）の検査をオフにするか、メールサーバーを例外に追加してから、もう一度試してください。その製品を信頼できない限り、これを動かすためだけに製品の証明書をインストールしないでください。
cause-clock-wrong = このパソコンの日付と時刻が間違っているため、有効な証明書が期限切れやまだ有効でないように見えます。
cause-clock-wrong-advice = 日付、時刻、タイムゾーンを正しく設定し（「時刻を自動的に設定」をオンにします）、もう一度試してください。サーバーには問題ありません。
cause-certificate-changed = サーバーが、信頼すると決めた鍵とは別の鍵を提示しました。
cause-certificate-changed-advice = サーバーの管理者が意図して鍵を入れ替えたのなら、新しいフィンガープリントを管理者と確かめ、新しい鍵を信頼してください。誰も変えていないなら、通信が傍受されている可能性があります。パスワードを送らないでください。
cause-captive-portal = このネットワークでは、まずブラウザーでサインインする必要があります。
cause-captive-portal-advice = ブラウザーで何か Web ページを開き、ネットワークのサインインページを済ませてから（ホテル、列車、カフェ、ゲスト用の Wi-Fi など。利用規約に同意するか、アクセスコードを入力します）、もう一度テストしてください。それまではメールサーバーの代わりにネットワークが応答します。パスワードは送っていません。
cause-port-blocked = このネットワークではこのポートは応答しませんが、同じサーバーの別のポートは応答します。
cause-port-blocked-advice = ここに表示された別のポートを使ってください。ホテル、学校、職場のネットワークでは、メール用のポートの一部がふさがれていることがよくあります。

## Where settings came from, and why a host may get the password

source-provider = 組み込みのプロバイダー一覧
source-autoconfig = プロバイダーの自動設定サーバー
source-well-known = ドメインの .well-known 自動設定ファイル
source-ispdb = Mozilla の ISPDB
source-mx = ドメインのメール交換サーバー（MX）
source-srv = DNS のサービスレコード（SRV）
source-guess = よくあるサーバー名
source-autoconfig-http = 暗号化されていない HTTP での自動設定
via-table = 組み込みのプロバイダー一覧: { $provider }
via-per = { $via }（出典: { $per }）
via-mx-table = MX { $mx } → { $domain } → 組み込みのプロバイダー一覧
via-mx-file = MX { $mx } → { $domain } → { $file } { $trail }
via-srv = SRV { $name } → { $target }（優先度 { $priority }、重み { $weight }）
via-guess = { $host } は DNS に存在します
vouch-own-domain = { $domain } 自体の一部
vouch-provider = mailsetup の組み込みプロバイダー一覧に記載
vouch-ispdb = 確認済みの接続で Mozilla の ISPDB から取得
vouch-published = 確認済みの接続で { $domain } が公開
vouch-autoconfig-file = { $domain } の自動設定ファイル
vouch-plain-http = { $what } から暗号化されていない HTTP で取得（ネットワーク上の誰かが書き換えた可能性があります）
vouch-redirected = { $source } が mailsetup を { $domain } の外の { $to } へ転送
vouch-srv = { $domain } の DNS サービスレコード（SRV）で発見、{ $domain } による確認なし
vouch-mx = { $domain } の MX レコードから発見、{ $domain } による確認なし
vouch-found-by = { $source } で発見、{ $domain } による確認なし
consent-question = { $domain } のメールは { $host } が扱っています — { $how }。
source-manual = 手動で入力
consent-entered-by-you = あなたが入力

## How signing in works at a provider

login-password = メールアカウントのいつものパスワードでサインインします。
login-password-or-oauth2 = メールアカウントのいつものパスワードが使えます。プロバイダーのページでのサインイン（OAuth2）も使えます。
login-app-password = ここではいつものパスワードは使えません。プロバイダーの Web サイトでアプリパスワードを作成し、代わりにそれを入力してください。
login-oauth2-or-app-password = ここではいつものパスワードは使えません。プロバイダーのページでサインインする（OAuth2）か、アプリパスワードを作成して入力してください。
login-oauth2-only = このプロバイダーはパスワードでのサインインを停止しています。使えるのはプロバイダーのページでのサインイン（OAuth2）だけです。
login-oauth2-unless-admin-allows = Microsoft は IMAP、POP、SMTP でのパスワードを停止しました。組織の管理者があなたのメールボックスで許可している場合にだけ、ここでパスワードが使えます。

## Notes of the built-in provider table (keys follow assets/providers.json: a test checks the English text)

provider-spectrum-note-1 = Spectrum は IMAP を推奨しています。POP3 もまだ使えますが、古い方式です。
provider-spectrum-note-2 = mobile.charter.net のポート 587 は、最初から暗号化する方式と STARTTLS の両方で案内されています。実際にどちらなのかはライブテストでわかります。
provider-roadrunner-note-1 = name@nc.rr.com や name@tampabay.rr.com のような地域別のアドレスも同じサーバー（mail.twc.com）を使います。
provider-gmail-note-1 = アプリパスワードを使うには、先に Google アカウントで 2 段階認証プロセスをオンにする必要があります。
provider-outlook-note-1 = Microsoft は 2024 年 9 月 16 日にメールアプリでのパスワードによるサインインを停止しました。使えるのは OAuth2 でのサインインだけです。
provider-microsoft365-enable-first = 組織の管理者が、あなたのメールボックスでパスワードによるサインインを許可する必要があります（「メール アプリの管理」の IMAP、POP、「認証済み SMTP」）。先に進む前に IT 部門に確認してください。
provider-microsoft365-note-1 = Microsoft 自身のページでサインインする（OAuth2）メールアプリなら、管理者の手を借りずに使えます。
provider-icloud-note-1 = iCloud には POP3 がありません。
provider-icloud-note-2 = 受信メールは @ より前の部分で、送信メールはアドレス全体でサインインします。
provider-att-note-1 = AT&T ではアプリパスワードを「secure mail key」と呼びます。いつものアカウントのパスワードはメールアプリでは使えません。
provider-gmx-net-enable-first = 最初にサインインする前に、GMX の Web メールの設定で POP3/IMAP アクセスをオンにしてください。
provider-gmx-com-enable-first = 最初にサインインする前に、GMX の Web メールの設定で POP3/IMAP アクセスをオンにしてください。
provider-webde-enable-first = 最初にサインインする前に、WEB.DE の Web メールの設定で POP3/IMAP アクセスをオンにしてください。

## The command line's text output (JSON output stays English)

cli-no-servers = { $email } でテストするサーバーが見つかりませんでした。
cli-none-tested-unconfirmed = { $email } のサーバーは 1 台もテストしていません。見つかったサーバーにはあなたの確認が必要です。
cli-verified-count = { $email } のサーバー { $total } 台のうち { $ok } 台を確認しました。
cli-saved = アカウント「{ $id }」として { $file } に保存しました。パスワードは { $keychain } にあります。
cli-saved-oauth = アカウント「{ $id }」として { $file } に保存しました。サインイン情報（リフレッシュトークン）は { $keychain } にあります。
cli-no-accounts = { $folder } に保存されたアカウントはありません。
cli-removed = { $id }（{ $email }）を削除しました。
cli-entries-left = { $store } は変更されていません。エントリー { $incoming } と { $outgoing } が残っている可能性があります。
cli-oauth-not-revoked-advice = アカウントは mailsetup から削除しますが、プロバイダーは期限が切れるまでそのサインインを受け付けます。今すぐ終了するには、{ $issuer } で自分のアカウントにサインインし、セキュリティ設定（または接続済みアプリ）から mailsetup のアクセスを削除してください。
cli-oauth-no-keychain = キーチェーンを開けなかったため、保存していたリフレッシュトークンを読み出して返却できませんでした
cli-oauth-not-revoked = 警告: { $issuer } でのサインインを終了できませんでした（{ $code }）: { $summary }
cli-oauth-revoked = { $issuer } でのサインインを終了しました。保存していたリフレッシュトークンはもう使えません。
cli-check-failed = 確認できませんでした: 保存された設定はこのままでは使えません。
cli-check-passed = 確認しました: 保存された設定は使えます。
cli-server-said = サーバーからの応答: { $reply }
cli-what-to-do = 対処: { $advice }
cli-discovered = { $email } の設定を { $ms } ms で見つけました（候補 { $count } 件）。
cli-provider = プロバイダー: { $name }
cli-unknown = 不明
cli-found-by = 入手元 { $sources }
cli-no-server-found = サーバーが見つかりません

## What is wrong with a typed address

address-empty = メールアドレスが空です
address-missing-at = 「{ $address }」に @ がありません。メールアドレスは name@example.com のような形です
address-empty-local = 「{ $address }」の @ の前に何もありません
address-empty-domain = 「{ $address }」の @ の後ろに何もありません
address-whitespace = 「{ $address }」に空白か制御文字が含まれています
address-several-at = 「{ $address }」に @ が 2 つ以上あります
address-invalid-domain = ドメイン「{ $domain }」はインターネットの名前として正しくありません（{ $reason }）
address-no-dot = ドメイン「{ $domain }」にドットがありません。メールのドメインは example.com のような形です
address-too-long = メールアドレスが 254 文字を超えています

## A provider's own advice, added to the advice for a cause

provider-access-smtp = メールアプリからの送信
provider-access-imap-pop = IMAP/POP アクセス
provider-only-app-passwords = { $name } はメールアプリからはアプリパスワードしか受け付けず、いつものパスワードは使えません。
provider-create-one-at = { $url } で作成できます。
provider-also-refuses = { $name } は { $access } がオフの間もパスワードを拒否します。{ $url } で確かめてください。
provider-settings-help = { $name } の設定ヘルプ: { $url }
provider-create-app-password-at = { $name }: アプリパスワードは { $url } で作成します。
provider-help = { $name } のヘルプ: { $url }
provider-switch-on = { $name }: { $url } で { $access } をオンにしてください。
provider-help-on-this = この件についての { $name } のヘルプ: { $url }
provider-lockout = { $name } はこのブロックを自動的に解除します（{ $when }）。
provider-max-connections = { $name } では 1 つのアカウントに同時に約 { $count } 本まで接続できます。
provider-status = { $name } は既知の障害を { $url } で知らせています。
admin-authenticated-smtp = 組織の Microsoft 365 管理者に、あなたのメールボックスの「認証済み SMTP」をオンにするよう頼んでください（Microsoft 365 管理センター → ユーザー → アクティブなユーザー → あなたの名前 → メール → メール アプリの管理）。組織全体で SMTP AUTH がオフになっていないかも確認してもらってください。
admin-password-sign-in-off = Microsoft 365 はメールアプリでのパスワードによるサインインをオフにしました。あなたのメールボックスで許可できるか（「メール アプリの管理」の IMAP、POP、「認証済み SMTP」と、セキュリティの既定値）を組織の管理者に確認するか、Microsoft 自身のページでサインインするメールアプリを使ってください。
network-no-encryption = 暗号化なし
network-port-refused = ポート { $port } は接続を拒否しますが、同じサーバーのポート { $other } は使えます。
network-port-blocked = このネットワークではポート { $port } がふさがれています（応答なし）が、同じサーバーのポート { $other } は使えます。
network-change-port = ポートを { $other } に、暗号化を { $security } に変えてください。
network-other-port-silent = 同じサーバーのポート { $other } も応答しません。

## `mailsetup discover`: what was found, and where

trust-trusted = 信頼できる
trust-dns = DNS から
trust-guess = 推測
trust-insecure = 安全でない入手元（確認が必要）
username-full-address = メールアドレス全体
username-local-part = @ より前の部分
username-other = 特別なユーザー名
discover-servers-for = { $email } のサーバー（ドメイン { $domain }）
discover-provider = プロバイダー: { $name }（{ $matched } から判別）
discover-oauth2 = OAuth 2.0 サインイン: { $issuer }（{ $via } による。{ $trust }）
discover-app-passwords = アプリパスワードの作成先: { $url }
discover-before-first = 最初のサインインの前に: { $step }
discover-username = { $protocol } のユーザー名: { $form }
discover-note = 注意: { $note }
discover-imap = 受信メール、IMAP
discover-pop3 = 受信メール、POP3
discover-smtp = 送信メール、SMTP
discover-user = ユーザー
discover-from = 入手元 { $sources }
discover-needs-confirmation = パスワードを送る前に確認が必要: { $question }
discover-nothing-found = （見つかりません）
discover-disagree = 入手元どうしで食い違う点
discover-claim-recommended = { $says }（おすすめ）、{ $by } による
discover-claim-not-recommended = { $says }（おすすめしない）、{ $by } による
discover-sources = 入手元
discover-status-found = { $count } 件
discover-status-timed-out = 時間切れ
discover-status-cut-short = 停止（信頼できる回答がそろったため）
discover-none = なし
discover-timing = 最初の候補まで { $first }、完了まで { $ms } ms
discover-why-no-such-name = { $place } は存在しません
discover-why-lookup-failed = { $place } の名前解決に失敗しました
discover-why-timeout = { $place } から { $seconds } 秒以内に応答がありませんでした
discover-why-no-answer = { $seconds } 秒以内に応答がありませんでした
discover-why-refused = { $place } では何も応答しません（接続が拒否されました）
discover-why-connect = { $place } に接続できませんでした
discover-why-tls = { $place } との安全な接続に失敗しました
discover-why-http-status = { $place } が HTTP エラー { $status } を返しました
discover-why-too-large = { $place } からの応答が大きすぎます
discover-why-redirects = { $place } のリダイレクトが多すぎるか、ループしています
discover-why-insecure-redirect = { $place } は HTTPS から暗号化されていない HTTP へリダイレクトしているため、従いません
discover-why-failed = { $place } へのリクエストに失敗しました
discover-why-setup = このコンピューターで検索を開始できませんでした
discover-why-bad-file = { $place } の設定ファイルは使用できません
## On-screen text of the command line (--json and the --report document stay English)
cli-error = エラー: { $message }
cli-warning = 警告: { $message }
cli-no-runtime = 非同期ランタイムを開始できませんでした: { $error }
cli-output-failed = 出力を書き込めませんでした: { $error }
cli-force-hint = （--force を付けると、それでもアカウントを一覧から削除します）
cli-check-time-not-recorded = チェックは成功しましたが、その時刻を記録できませんでした: { $error }
cli-check-diagnosis = { $summary }（{ $cause }、段階: { $step }）
cli-report-not-written = レポートを { $file } に書き込めませんでした: { $error }
cli-json-not-written = JSON を書き込めませんでした: { $error }
server-line = { $protocol } { $endpoint }（{ $security }、ユーザー { $user }）
accounts-label-incoming = 受信
accounts-label-outgoing = 送信
accounts-label-also-ok = 他に使用可
accounts-label-settings = 設定
accounts-label-verified = 確認日時
accounts-label-sign-in = サインイン
accounts-label-password = パスワード
accounts-label-trusts = 信頼
accounts-label-warning = 警告
accounts-label-key = 鍵
accounts-server-signed-in = { $server }、{ $mechanism } でサインイン
accounts-trusts-ca = { $file } の認証局
accounts-plaintext = パスワードが暗号化されずに送信される場合があります
accounts-pinned-key = フィンガープリントで信頼: { $pin }
source-kind-autoconfig = プロバイダーの自動設定
source-kind-ispdb = ISP データベース
source-kind-srv = DNS の SRV レコード
source-kind-mx = MX レコード
source-kind-guess = 推測したサーバー名
source-with-detail = { $source }（{ $detail }）
report-text-server = { $server } — { $verdict }（{ $ms } ms）
report-label-cause = 原因
report-label-advice = 対処
report-label-server = サーバー
report-label-detail = 詳細
report-label-trust = 信頼
report-label-by-hand = 手動
report-label-greeting = あいさつ
report-label-sign-in = サインイン
report-label-mailbox = 受信箱
report-tls-not-completed = ハンドシェイクが完了しませんでした
report-tls-verified = { $version }、{ $cipher }、証明書は検証済み
report-tls-not-verified = { $version }、{ $cipher }、証明書は検証されていません
report-sign-in-offered = 提供: { $mechanisms }
report-sign-in-used = 使用: { $mechanism }
report-sign-in-why = 理由: { $reason }
report-mailbox-messages = { $count } 件のメッセージ
report-trust-pin = これがご自身のサーバーで、上の鍵がその鍵であれば: --pin-sha256 { $pin }
report-transcript = やり取りの記録:
report-round-trip = 往復テスト — { $verdict }
report-label-message = メッセージ
step-resolve = サーバーを探す
step-connect = 接続
step-tls = 安全な接続
step-greeting = サーバーのあいさつ
step-capabilities = 機能
step-starttls = 安全な接続（STARTTLS）
step-authenticate = サインイン
step-mailbox = メールボックスを開く
step-logout = サインアウト
step-port-check = ポートの応答を確認
step-send-message = テストメッセージを送信
step-find-message = テストメッセージを探す
step-delete-message = テストメッセージを削除
step-network-check = ネットワークを確認

## Testing, continued

testing-not-sent-unconfirmed = パスワードは { $host } に送っていません。先にこのサーバーを確認してください。
testing-password-refused = サーバーがパスワードを受け付けませんでした。
testing-nothing-tested = テストできたサーバーはありません。

## プロバイダーでサインイン（OAuth 2.0）

oauth-sign-in-with = { $provider } でサインイン
oauth-sign-in-intro = { $provider } では、ここでパスワードを入力する代わりに、Web ブラウザーで { $provider } のページからサインインできます。
oauth-waiting = ブラウザーでの操作を待っています… ブラウザーで { $provider } へのサインインを完了してください。
oauth-cancel = サインインをキャンセル
oauth-signed-in = { $provider } でサインインしました。
oauth-cancelled = サインインはキャンセルされました。
oauth-denied = { $provider } のページでアクセスが許可されませんでした。もう一度やり直し、mailsetup がメールを使ってよいか { $provider } に聞かれたら「許可」を選んでください。
oauth-wrong-account = ブラウザーで、入力したアドレスとは別のアカウントが選ばれました。もう一度サインインし、このアドレスのアカウントを選んでください。
oauth-no-client-id = { $provider } でサインインするにはクライアント ID が必要です。まず mailsetup をデスクトップアプリとして { $provider } に登録してください（Google と Microsoft での手順は README にあります）。そのうえで、ID を環境変数 MAILSETUP_OAUTH_CLIENT_ID か、設定フォルダーの oauth.json に指定してください。
oauth-timeout = 時間内にサインインが完了しませんでした。もう一度やり直し、ブラウザーで完了してください。
oauth-failed = { $provider } でサインインできませんでした。
oauth-details = 起きたこと: { $summary }
oauth-use-code = 代わりに別の端末でコードを使う
oauth-browser-failed = ブラウザーを開けませんでした。別の端末でコードを使ってサインインしてください。
oauth-code-asking = { $provider } にコードを問い合わせています…
oauth-code-open = 別の端末で次のページを開いてください:
oauth-code-copy-address = アドレスをコピー
oauth-code-enter = そこで次のコードを入力してください:
oauth-code-name = 入力するコード: { $code }
oauth-code-copy = コードをコピー
oauth-code-expires = コードの残り時間: { $time }
oauth-code-expired-now = コードの有効期限が切れました。
oauth-code-waiting = 承認を待っています…
oauth-code-expired = コードが入力される前に期限切れになりました。新しいコードを取得し、表示されたらすぐに入力してください。
oauth-code-new = 新しいコードを取得
oauth-no-refresh-token = プロバイダーからリフレッシュトークンが返されなかったため、あとでサインインを更新できません。何も保存していません。
## Signing in through the provider's page (OAuth 2.0)

oauth-error-no-client-id = { $provider } のページでサインインするには、{ $provider } に登録したクライアント ID が必要ですが、設定されていません
oauth-error-no-issuer = { $provider } の OAuth 2.0 サインインは登録されていません
oauth-error-unconfirmed-issuer = { $via } はサインイン先として { $issuer } を挙げていますが、そのファイルは保証のない接続で届いたため、あなたの確認なしには使いません
oauth-error-no-endpoint = { $issuer } は { $what } を提供していません
oauth-error-insecure = { $url } は HTTPS のアドレスではありません。OAuth 2.0 には暗号化された接続が必要です
oauth-error-malformed = { $url }: 予期しない応答: { $detail }
oauth-error-denied = プロバイダーのページでサインインが拒否されました
oauth-error-wrong-state = ブラウザーからの応答はこのサインインのものではありません（state の値が違います）
oauth-error-device-code-expired = サインイン用のコードは、承認される前に期限切れになりました
oauth-error-invalid-grant = プロバイダーは保存されたサインインをもう受け付けていません
oauth-error-wrong-account = プロバイダーがサインインしたのは { $expected } ではなく { $got } です
oauth-error-refused = { $url }: プロバイダーが拒否しました: { $code }
oauth-error-timed-out = { $after } 以内にサインインの応答がありませんでした
oauth-error-browser = ブラウザーを開けませんでした（{ $command }）: { $detail }
oauth-error-listener = 127.0.0.1 でブラウザーの応答を待てませんでした: { $detail }
oauth-error-provider-said = （プロバイダーの説明: { $text }）
oauth-error-no-client-id-advice = プロバイダーのページでサインインするプログラムは、そのプロバイダーに登録してクライアント ID をもらう必要があります。mailsetup をデスクトップアプリとしてプロバイダーに登録し（Google と Microsoft での手順は README にあります）、その ID を環境変数 MAILSETUP_OAUTH_CLIENT_ID か --oauth-client-id で指定してください。
oauth-error-no-issuer-advice = mailsetup はこのプロバイダーのサインインページを知りません。プロバイダーが許していればパスワード（またはアプリパスワード）を使うか、--oauth-issuer でプロバイダーのサインインのアドレスを指定してください。
oauth-error-unconfirmed-issuer-advice = { $issuer } が本当にプロバイダーのサインインなら、--oauth-issuer { $issuer }（と --oauth-scope でスコープ）を付けて再実行してください。そうでなければ、どこでサインインするかプロバイダーに確認してください。
oauth-error-no-endpoint-advice = プロバイダーはこのサインイン方法を提供していません。もう一方の方法を試してください（--browser、または指定せずに、表示されたコードを別の機器で入力）。
oauth-error-insecure-advice = サインインのアドレスは https:// で始まる必要があります。プロバイダーのサインインのアドレスを確かめてください。
oauth-error-unreachable-advice = プロバイダーのサインインサービスに接続できませんでした。接続を確かめて、もう一度試してください。
oauth-error-refused-advice = プロバイダーのサインインサービスが拒否したか、おかしな応答を返しました。もう一度試してください。繰り返す場合は、プロバイダーへのアプリの登録（クライアント ID、許可されたリダイレクト先、権限）が間違っているかもしれません。
oauth-error-denied-advice = プロバイダーのページでアクセスが許可されませんでした。最初からやり直し、mailsetup がメールを使ってよいか聞かれたら「許可」（または「同意」）を選んでください。
oauth-error-wrong-state-advice = ブラウザーの応答は別のサインインの試みから来たか、改ざんされていました。古いサインインのタブを閉じて、最初からやり直してください。
oauth-error-device-code-expired-advice = コードが時間内に入力されませんでした。最初からやり直し、新しいコードが表示されたらすぐに入力してください。
oauth-error-invalid-grant-advice = 保存されたサインインは期限切れか、取り消されています（パスワードの変更や、アカウントのセキュリティ設定からアプリが削除された場合など）。プロバイダーのページからもう一度サインインしてください。
oauth-error-wrong-account-advice = ブラウザーで、設定中のアドレスとは別のアカウントが選ばれました。もう一度サインインして正しいアカウントを選んでください（必要なら、先にブラウザーでもう一方のアカウントからサインアウトしてください）。
oauth-error-timed-out-advice = サインインが時間内に終わりませんでした。最初からやり直し、ブラウザーで最後まで進めてください。
oauth-error-browser-advice = 表示されたアドレスを自分で Web ブラウザーで開くか、コードでのサインイン（--browser なし）を使ってください。
oauth-error-local-advice = このコンピューター上の何かがサインインを止めました。もう一度試すか、コードでのサインイン（--browser なし）を使ってください。
oauth-cli-failed = プロバイダーでのサインインに失敗しました（{ $code }）: { $summary }
oauth-cli-opening-browser = { $name } のサインインページを Web ブラウザーで開きます。そこでサインインを完了してください。
oauth-cli-open-by-hand = ブラウザーを開けませんでした。このアドレスを自分で開いてください:
oauth-cli-no-device-flow = 注意: { $name } はコードによるメールへのアクセスを許可していません。サインインが拒否されたら --browser を使ってください。
oauth-cli-enter-code = サインインするには { $url } を開いて、コード { $code } を入力してください
oauth-cli-or-open = （または、コードが含まれている { $url } を開いてください）
oauth-cli-waiting = サインインの承認を待っています…
oauth-cli-no-token-in-env = 環境変数 { $var } にトークンが入っていません
oauth-cli-no-secret-in-env = 環境変数 { $var } にクライアントシークレットが入っていません
oauth-cli-issuer-needs-scopes = --oauth-issuer には要求する権限（スコープ）が必要です: --oauth-scope を指定してください
oauth-cli-issuer-discovered = { $issuer } でサインインします（{ $via } による）
oauth-cli-discovered-needs-scopes = 検出したサインインにはスコープがありません: --oauth-scope で指定してください
oauth-cli-mechanism = 「{ $text }」: oauthbearer か xoauth2 を指定してください
oauth-cli-renew-not-kept = 警告: プロバイダーはサインインを更新しましたが、キーチェーンに保存できませんでした: { $error }
oauth-cli-no-refresh-token = 保存していません: プロバイダーがリフレッシュトークンを返さなかったため、後でサインインを更新できません（オフラインアクセス、つまりスコープ offline_access を要求してください）
cause-oauth-scope-missing = プロバイダーのページでのサインインに、メールを使う権限が含まれていません。
cause-oauth-scope-missing-advice = プロバイダーのページからもう一度サインインし、聞かれたらメールへのアクセスを許可してください。その権限が表示されない場合は、プロバイダーへのアプリの登録にその権限がありません。
cause-oauth-token-rejected = サーバーは、プロバイダーのページでのサインインを受け付けませんでした（アクセストークンが拒否されました）。
cause-oauth-token-rejected-advice = プロバイダーのページからもう一度サインインしてください。それでも失敗する場合は、サインインがこのアドレスとは別のアカウントのものか、プロバイダーがこのアプリのアクセスを取り消した可能性があります。アカウントのセキュリティ設定で許可されたアプリを確かめてください。
cause-oauth-scope-asked = サーバーは権限（スコープ）「{ $scope }」を求めています。
cause-oauth-names-service = サインインサービスは { $url } にあるとしています。

## What a screen reader hears beyond the visible text

window-title = メール設定
a11y-scroll-page = ページをスクロール
a11y-scroll-transcript = 記録をスクロール
a11y-status-line = { $label }: { $status }
a11y-test-line = { $role } — { $item }: { $status }

## Why the keychain could not keep the password (the Done page)

keychain-problem = { $store }: { $reason }。
keychain-no-session-bus = Secret Service に接続できません。D-Bus のセッションバスがありません（{ $detail }）
keychain-no-session-bus-advice = デスクトップのセッションの中で mailsetup を実行するか、キーリングのデーモンを含むセッションバスを起動してください（dbus-run-session）。または、パスワードをカーネルのキーリング（keyutils）に保存してください。
keychain-no-secret-service = セッションバスで Secret Service が動いていません（{ $detail }）
keychain-no-secret-service-advice = GNOME Keyring（gnome-keyring-daemon）か、Secret Service のインターフェースを有効にした KWallet をインストールして起動してください。または、パスワードをカーネルのキーリング（keyutils）に保存してください。
keychain-locked = キーリングがロックされていて、ここでは解除できませんでした（解除の確認画面を表示できなかったか、閉じられました）
keychain-locked-advice = ロックを解除して（デスクトップにログインするか「パスワードと鍵」を開いて）、もう一度試してください。
keychain-no-default-keyring = Secret Service にはまだ既定のキーリングがなく、作成を求める画面も表示できませんでした
keychain-no-default-keyring-advice = 「パスワードと鍵」（Seahorse）で作成するか、gnome-keyring-daemon を --unlock 付きで起動して、もう一度試してください。
keychain-access-denied = { $store } が mailsetup によるパスワードへのアクセスを拒否しました（{ $detail }）
keychain-access-denied-advice = キーチェーンの設定で mailsetup を許可して、もう一度試してください。
keychain-no-session-keyring = このログインセッションには、カーネルのキーリング（keyutils）で使えるセッションキーリングがありません
keychain-no-session-keyring-advice = 通常のログインセッションから mailsetup を実行するか、`keyctl session -` でセッションを始めてください。
keychain-not-found = { $store } に { $entry } のパスワードがありません
keychain-not-found-advice = アカウントをもう一度保存して、パスワードを保管してください。
keychain-unsupported = { $store } はこのシステムでは使えません
keychain-unsupported-advice = { $default } を使ってください。
keychain-too-long = パスワードが { $store } には長すぎます（{ $detail }）
keychain-too-long-advice = 別のキーチェーンに保存してください。
keychain-bad-encoding = { $store } にある { $entry } のパスワードは正しい文字列ではありません
keychain-bad-encoding-advice = アカウントをもう一度保存してください。
keychain-failed = { $store } でエラーが起きました: { $detail }
keychain-failed-advice = もう一度試してください。また失敗する場合は、デスクトップからログアウトして、ログインし直してください。
keychain-task = キーチェーンの処理が予期せず止まりました: { $detail }
keychain-task-advice = もう一度試してください。

## Store errors on the command line (`accounts`, `diagnose --save`); `keychain-words` joins a keychain error's reason and advice

keychain-words = { $reason }。{ $advice }
store-invalid = アカウントを保存できません: { $detail }
store-not-found = ID「{ $id }」の保存済みアカウントはありません（`mailsetup accounts list` で一覧を表示できます）
store-wrong-keychain = アカウント「{ $id }」のパスワードは { $given } ではなく { $saved_in } に保存されています: --keychain { $word } を指定してください
store-rollback-failed = { $cause }。キーチェーンを元の状態に戻すこともできませんでした（{ $undo }）: キーチェーンの管理画面でエントリ { $entry } を手動で削除してください
store-no-config-dir = このユーザーの設定フォルダーが見つかりません（ホームフォルダーがありませんか？）: --config-dir フォルダー を指定するか、{ $env } を設定してください
store-task = 保存処理が予期せず停止しました: { $detail }
store-cancelled = 保存を取り消しました。何も保存されていません

## Network checks (IPv4 / IPv6) and lockouts of the provider table

network-attempt-connected = はつながります
network-attempt-refused = は接続を拒否します
network-attempt-no-route = はこのコンピューターからの経路がありません
network-attempt-unreachable = に到達できません
network-attempt-no-answer = は応答しません
network-attempt-failed = は失敗します
network-family-result = { $family } { $result }
network-family-summary = { $summary }（{ $results }。）
network-family-warning = このサーバーへの { $broken } { $result }（{ $address }）。{ $works } はつながります。先に { $broken } を試すプログラムは、接続が遅くなるか、まったくつながらないことがあります。ネットワークの管理者かメールのプロバイダーに伝えてください。
provider-gmail-lockout = 通常は 1 時間以内、遅くとも 24 時間後

## Where discovery sources disagree

discover-disagree-username = { $server } のユーザー名が情報源によって違います。最も信頼できる情報源のものを試します。
discover-disagree-security = { $host }:{ $port } の { $protocol } が最初から TLS か STARTTLS で切り替えるかについて、情報源の意見が分かれています。両方を試し、実際のテストでサーバーがどちらを使うか確かめます。
discover-disagree-port = { $host } の { $protocol } のポートが情報源によって違います。評価の最も高いものを先に試し、実際のテストで決めます。
provider-spectrum-disputed-1 = ポート 110 は POP3 の暗号化なし（STLS）のポートなので、「110 で SSL」は書かれたとおりには動きません。TLS の POP3 は 995 を使い、現在のサーバーは mobile.charter.net:995 です。pop.charter.net:110 は 2023 年に Mozilla の ISPDB からも削除されました。
provider-spectrum-disputed-2 = ポート 143 は暗号化なしの IMAP（よくても STARTTLS）です。Spectrum のサーバーには、最初から TLS を使う 993 でつなぎます。
provider-spectrum-disputed-1-by = 広く転載されている Spectrum の設定記事
provider-spectrum-disputed-2-by = 広く転載されている Spectrum の設定記事
provider-spectrum-server-3-per = Mozilla ISPDB
provider-spectrum-server-4-per = Spectrum のヘルプページ

## The command line's errors

cli-password-prompt = パスワード:
cli-password-empty = パスワードが空です
cli-env-not-set = 環境変数 { $var } が設定されていません
cli-env-not-utf8 = 環境変数 { $var } は正しい UTF-8 ではありません
cli-password-stdin-failed = 標準入力からパスワードを読めませんでした: { $error }
cli-no-terminal = パスワードが指定されておらず、入力を求める端末もありません: --password-stdin か --password-env VAR を使ってください
cli-password-prompt-failed = 端末からパスワードを読めませんでした: { $error }
cli-timeout-invalid = --timeout は 0 より大きく 600 以下の秒数にしてください（{ $value } は使えません）
cli-not-saved-unverified = 保存していません: 確認できていないサーバーがあります
cli-not-saved = 保存していません: { $error }

## `accounts list`: an account that signs in through its provider's page

accounts-oauth-sign-in = { $issuer } の OAuth 2.0（クライアント { $client }）。リフレッシュトークンは { $keychain } にあります

## Round trip and OAuth safety

roundtrip-summary-left-flagged = テストメッセージは送信から { $seconds } 後に受信トレイに届きました。削除済みの印を付けたまま残してあります。次にメールソフトが整理（完全削除）するときに消えます。いま消すと、削除済みの印を付けた他のメッセージも一緒に消えてしまうためです。
roundtrip-left-flagged = 削除済みの印を付けて残しました。次にメールソフトが整理するときに消えます
report-label-sign-ins = サインイン回数
oauth-error-redirect-refused = { $url } がリダイレクトで応答しました。リダイレクトには従っていないため、ほかのアドレスには何も送っていません
oauth-error-redirect-refused-advice = トークンの要求をほかの場所へ回すサインインサービスは、設定が誤っているか、プロバイダー自身のものではありません。発行者のアドレス（--oauth-issuer）を確認し、どのアドレスを使うかプロバイダーに問い合わせてください。
## Boundaries and consent

discover-why-bad-host = { $place } の設定は有効なホスト名ではないサーバーを指しているため、使用しませんでした
discover-why-bad-issuer = { $place } の設定ファイルは、有効なホストの https アドレスではないサインインサーバーを指しているため、使用しませんでした
discover-why-private-redirect = { $place } はこのコンピューターまたはローカルネットワーク上のアドレスへ転送しようとしたため、その転送には従いませんでした
cli-plaintext-needs-host = ホストを指定しない --allow-plaintext は --imap、--pop3、--smtp で指定したサーバーにだけ適用されます。検出されたサーバーにはホストを指定してください: --allow-plaintext HOST
cli-plaintext-bad-host = --allow-plaintext { $host }: ホスト名を指定してください
keychain-no-answer = { $store } が { $seconds } 秒以内に応答しませんでした
keychain-no-answer-advice = ロック解除のパスワードを求めるウィンドウが出ていれば、それに答えてからもう一度試してください。何も表示されない場合は、デスクトップからログアウトして再度ログインしてください。
accounts-entries-elsewhere = { $id } のキーチェーン項目は別の設定フォルダーから保存されたものです（このフォルダーはコピーまたは移動されています）。コピーと元のフォルダーで共有しているため、ここでアカウントを削除・保存すると元の側も変わります
## Hand-off: the account in other mail programs (src/export, src/flow/export.rs, src/cli/export.rs, the Done page)

export-format-tfa = Thunderbird for Android 用 QR コード
export-format-dclogin = Delta Chat 用 QR コード
export-format-mobileconfig = Apple 構成プロファイル
export-format-autoconfig = autoconfig ファイル
export-oauth-not-carried = { $format } では、プロバイダー経由でサインインするアカウント (OAuth 2.0) は渡せません。もう一方の端末でプロバイダーにサインインしてください
export-non-ascii-address = { $format } が扱えるのは ASCII 文字だけのアドレスで、{ $address } はそうではありません
export-password-required = { $format } には必ずパスワードが入るため、パスワードを含めたときだけ作成されます
export-imap-required = { $format } には IMAP サーバーが必要ですが、この POP3 アカウントでは確認済みのものがありません
export-bad-host = 「{ $host }」はメールソフトが使えるサーバー名ではありません
export-control-character = { $field }に制御文字 (改行など) が含まれています
export-field-name = 名前
export-field-address = メールアドレス
export-field-incoming-host = 受信サーバー名
export-field-outgoing-host = 送信サーバー名
export-field-incoming-user = 受信用のユーザー名
export-field-outgoing-user = 送信用のユーザー名
export-field-password = パスワード
export-invalid = このアカウントはエクスポートできません: { $reason }
export-too-large = コードが { $bytes } バイトになり、QR コードに入る量 ({ $max }) を超えます
export-png-failed = QR コードの画像を作れませんでした: { $reason }
export-sign-unreadable = { $path }: { $reason }
export-sign-no-openssl = プロファイルに署名する openssl を起動できませんでした ({ $reason })。インストールしてください (Debian: apt-get install openssl)
export-sign-failed = openssl がプロファイルに署名できませんでした: { $reason }
export-sign-timed-out = openssl の署名が { $seconds } 秒以内に終わりませんでした
export-profile-mail-name = メール: { $email }
export-profile-name = メールアカウント { $email }
export-profile-description = Mail Setup が確認した設定で、メールアカウント { $email } をメールに追加します。
export-not-written = { $path } に書き込めませんでした: { $reason }
export-password-warning = このコードやファイルを見た人は誰でも、あなたのメールを読んだり送ったりできます。
export-cli-goa-flags = --out、--payload、--sign-* は --format goa には使えません
export-cli-payload-qr-only = --payload は QR 形式 (tfa-qr、dclogin-qr) 専用です
export-cli-sign-profile-only = --sign-cert と --sign-key が署名できるのは mobileconfig プロファイルだけです
export-cli-autoconfig-no-password = autoconfig ファイルはドメイン全体で使うもので、パスワードは入りません。--with-password を外してください
export-cli-oauth-no-password = このアカウントはプロバイダー経由でサインインします。パスワードはエクスポートされず、もう一方の端末が自分でサインインします
export-cli-qr-caption = { $format }: QR バージョン { $version } ({ $size }×{ $size } モジュール)。アプリで読み取ってください。
export-cli-unsigned = プロファイルは署名されていません。端末では「未検証」と表示されます。--sign-cert と --sign-key で署名できます。
export-cli-written = { $format } を { $path } に書き込みました。
export-cli-publish-at = ファイルの公開先:
export-cli-srv-records = または、次の DNS SRV レコード (RFC 6186) をドメインのゾーンに追加してください:
export-cli-goa-added = GNOME オンラインアカウントに追加しました: { $path }
handoff-heading = このアカウントをほかの端末やアプリで使う
handoff-phone = スマートフォン
handoff-thunderbird = Thunderbird
handoff-deltachat = Delta Chat
handoff-thunderbird-hint = スマートフォンの Thunderbird で、別の端末から設定を読み込む方法を選び、このコードを読み取ってください。
handoff-deltachat-hint = Delta Chat でアカウントを追加し、コードの読み取りを選んで、このコードを読み取ってください。
handoff-include-password = コードにパスワードを含める
handoff-include-password-profile = プロファイルにパスワードを含める
handoff-show-code = コードを表示
handoff-hide-code = コードを隠す
handoff-code-hidden = このコードにはパスワードが入っているため、表示を選ぶまで隠しています。
handoff-making = コードを作成中…
handoff-qr-name = { $format }の QR コード
handoff-apple = iPhone、iPad、Mac
handoff-apple-hint = プロファイルファイルです。端末で開き、設定で確認してください。署名されていないため、端末では「未検証」と表示されます。
handoff-save-profile = プロファイルを保存…
handoff-gnome = GNOME (Evolution、Geary)
handoff-gnome-hint = デスクトップのオンラインアカウントにアカウントを追加し、GNOME のメールソフトから使えるようにします。
handoff-gnome-add = 追加
handoff-gnome-added = GNOME オンラインアカウントに追加しました。
handoff-admin = ドメインの管理者向け
handoff-admin-hint = autoconfig ファイルです。ドメインの Web サーバーで公開すると、メールソフトがこの設定を自動で見つけられます。
handoff-save-autoconfig = autoconfig を保存…
handoff-saved = { $path } に保存しました。
handoff-not-saved = 保存できませんでした: { $reason }
handoff-save-title = ファイルを保存

## GNOME Online Accounts

goa-not-available = GNOME オンラインアカウントは Linux のデスクトップにしかありません
goa-not-available-advice = 代わりに QR コードか設定ファイルで、ほかのアプリにアカウントを移してください。
goa-no-session-bus = GNOME オンラインアカウントにつながるデスクトップのセッションが見つかりません（{ $reason }）
goa-no-session-bus-advice = デスクトップのセッション内の端末から実行してください（SSH 経由や別のユーザーではなく）。
goa-not-installed = このコンピューターには GNOME オンラインアカウントがインストールされていません
goa-not-installed-advice = インストールして（Debian と Ubuntu: apt install gnome-online-accounts）もう一度試すか、メールアプリでアカウントを手動で追加してください。
goa-not-running = GNOME オンラインアカウントのサービスが起動しないか、応答しません: { $reason }
goa-not-running-advice = いったんログアウトしてログインし直し、もう一度試してください。
goa-oauth = { $email } はプロバイダー経由（OAuth）でサインインしますが、GNOME の「IMAP と SMTP」アカウントはパスワードしか使えません
goa-oauth-advice = 設定 → オンラインアカウントで、そのプロバイダー専用の項目（Google や Microsoft 365 など）からアカウントを追加してください。
goa-pop3 = { $email } は POP3 でメールを受信しますが、GNOME オンラインアカウントは IMAP にしか対応していません
goa-pop3-advice = IMAP でアカウントを設定し直すか、メールアプリで手動で追加してください。
goa-already-exists = GNOME オンラインアカウントには { $email } のアカウントがすでにあります。何も追加していません
goa-already-exists-advice = 置き換えるには、先に設定 → オンラインアカウントで古いほうを削除してください。
goa-refused = GNOME オンラインアカウントがアカウントを受け付けませんでした: { $message }
goa-password-not-stored = GNOME オンラインアカウントがパスワードをキーリングに保存できなかったため（{ $reason }）、アカウントを取り消しました
goa-password-not-stored-kept = GNOME オンラインアカウントがパスワードをキーリングに保存できず（{ $reason }）、作りかけのアカウントも削除できませんでした。設定 → オンラインアカウントで削除してください
goa-password-not-stored-advice = キーリングのロックを解除して（デスクトップにログインするか「パスワードと鍵」を開いて）、もう一度試してください。
goa-timeout = GNOME オンラインアカウントが { $seconds } 秒以内に応答しませんでした（{ $step }）
goa-timeout-advice = キーリングのウィンドウがパスワードを待っている場合は入力してから、もう一度試してください。
goa-unexpected = GNOME オンラインアカウントの { $step } への応答を、この Mail Setup のバージョンでは理解できません: { $detail }
goa-invalid = このアカウントは引き渡せません: { $detail }
## Window polish

password-paste-refused = 貼り付けたテキストの途中に改行が含まれています。改行を含むパスワードはどのメールサーバーも受け付けないため、貼り付けませんでした。パスワードだけをコピーして、もう一度貼り付けてください。
password-space-start = パスワードの先頭に空白があります。パスワードの一部でなければ削除してください。
password-space-end = パスワードの末尾に空白があります。パスワードの一部でなければ削除してください。
password-space-both = パスワードの先頭と末尾に空白があります。パスワードの一部でなければ削除してください。
problems-count = 確認が必要な項目が { $count } 件あります。
consent-suggested = 候補（まだテストしていません）
manual-suggested = { $host } は一般的な名前からの候補で、まだテストしていません。
cli-check-no-accounts = { $folder } に保存されたアカウントはありません。確認するものがありません
cli-check-which = 複数のアカウントが保存されています（{ $ids }）。確認するアカウントを指定してください
replace-question = { $email } の保存済みアカウントを置き換えますか？このアドレスのアカウントはすでに保存されています（{ $id }）。今保存すると、この設定とパスワードに置き換わります。
replace-confirm = 保存済みアカウントを置き換える
replace-looking = このアドレスのアカウントがすでに保存されているか確認しています… 確認が済みしだい保存します。
manual-browse = 参照…
manual-browse-title = 認証局のファイル
manual-ca-in-effect-file = 有効な認証局：システムの認証局と { $file }。
manual-ca-in-effect-environment = 有効な認証局：システムの認証局と { $file }（MAILSETUP_CA_FILE から）。
manual-ca-in-effect-system = 有効な認証局：システムの認証局のみ。
## Platforms

platform-verifier-unavailable = このシステムの証明書検証を準備できませんでした（{ $detail }）。--ca-file でサーバーの CA 証明書を指定すると、それだけで検証します
platform-trust-caller-only = 注意: このシステムの証明書検証を準備できませんでした（{ $detail }）。証明書は指定された CA ファイルだけで確認します。チェーン、署名、有効期間、サーバー名、用途は確認しますが、失効の照会とシステムが拒否する証明書の一覧は使いません。
cause-certificate-check-unavailable = このパソコンの証明書検証が動かないため、サーバーの証明書を確認できませんでした。
cause-certificate-check-unavailable-advice = サーバーには何も送っていません。サーバーの CA 証明書を指定する（--ca-file、またはウィンドウの「このサーバーの鍵を信頼する」）とそれだけで確認できます。または証明書検証が動くパソコンでテストしてください（wine で起こり、Windows 本体では起こりません）。

# scram-wire: SCRAM sign-in proves interception (issue 25)
cause-tls-intercepted-proven = このパソコンとメールサーバーの間にある何かが、サーバーへの暗号化通信を自分で張り直しています。サインインの手順がそれを証明しました。パスワードそのものは送っていません。
cause-tls-intercepted-proven-advice = 間に何があるか分かるまで、このネットワークではサインインしないでください。セキュリティソフトで暗号化通信（またはメール）の検査をオフにするか、別のネットワーク（スマートフォンのテザリングなど）で試してください。会社のネットワークなら、メールの通信を検査しているか IT 部門に確認してください。

# pacc: PACC、autoconfig 1.2、JMAP の検出(issue 24 §2–§4)
source-pacc = ダイジェストで確認したドメインの設定ファイル(PACC)
source-jmap = JMAP の確認(.well-known と SRV)
discover-jmap-offered = このプロバイダーは JMAP も提供しています({ $seen } で確認)。mailsetup はまだ JMAP でのサインインに対応していないため、IMAP または POP3 と SMTP を設定します。
discover-why-pacc-no-digest = { $place } の設定ファイルは使いませんでした:{ $name } に、これを確認できるダイジェストが DNS で公開されていません
discover-why-pacc-mismatch = { $place } の設定ファイルは使いませんでした:{ $name } で公開されているダイジェストと一致しないため、プロバイダーのものではない可能性があります
protocol-jmap-offered = このプロバイダーは、メールアプリがサーバーとやり取りする新しい方式である JMAP も提供しています。mailsetup はまだ JMAP でサインインできないので、ここでは IMAP か POP3 を選んでください。
discover-other-services = プロバイダーが示しているその他のサービス(mailsetup では設定しません):{ $services }
discover-sasl = プロバイダーが示すサインイン方式:{ $mechanisms }
## Branch autodiscover: Microsoft Autodiscover and Microsoft 365

source-autodiscover = Microsoft Autodiscover
discover-exchange-only = { $domain } は Microsoft Exchange（Outlook 独自の接続）を提供していますが、IMAP・POP3・SMTP サーバーは示していません。それでも IMAP が有効な場合があるため、一般的なサーバー名も試します。
vouch-autodiscover = 確認済みの接続で Microsoft Autodiscover から取得
# settle: testing while discovery still runs
early-switched = { $source } がより上位のサーバー { $host } を示しました。代わりにそのサーバーをテストします。
## oauth-public: 事前登録したクライアントなしでのサインイン (src/oauth/register.rs, metadata.rs)

oauth-error-no-registration = { $provider } でサインインするにはクライアント ID が必要ですが、設定されておらず、{ $issuer } はアプリの自己登録を受け付けていません (メタデータに登録エンドポイントがありません)
oauth-error-no-registration-advice = このプロバイダーはアプリを事前に登録しておくことを求めています。プロバイダーに mailsetup 用のクライアント ID を依頼し、--oauth-client-id または環境変数 MAILSETUP_OAUTH_CLIENT_ID で指定してください。プロバイダーが許可していればパスワードでサインインすることもできます。
oauth-error-registration-refused = { $url }: プロバイダーが mailsetup の登録を拒否しました: { $code }
oauth-error-registration-refused-advice = プロバイダーは mailsetup をデスクトップアプリとして自己登録させませんでした。プロバイダーに mailsetup 用のクライアント ID を依頼して --oauth-client-id で指定するか、プロバイダーが許可していればパスワードでサインインしてください。
oauth-error-not-public-client = { $url } は mailsetup を公開アプリではなく、{ $method } で認証する必要のあるクライアントとして登録しました
oauth-error-issuer-mismatch = { $url } は発行者として { $expected } ではなく { $named } を示しているため、そのエンドポイントは使いません
oauth-error-issuer-mismatch-advice = サインインサーバーの説明が別のサーバーのものだったため、何も送信していません。サインインのアドレス (--oauth-issuer、またはプロバイダーの設定が示すもの) をプロバイダーに確認してください。
oauth-cli-registered = { $name } のクライアント ID が設定されていないため、mailsetup はそこにアプリ { $id } として自己登録しました。
oauth-cli-registered-browser = この方法で登録したアプリはブラウザーでサインインします。
accounts-label-registered = 登録
accounts-oauth-registered = クライアント ID が設定されていなかったため、mailsetup 自身が { $endpoint } で登録
accounts-label-resource = トークンの対象
