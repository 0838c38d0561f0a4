#!/usr/bin/env bash
# Regenerates tests/fixtures/formats/ from tests/fixtures/formats/src/report.fodt with real tools:
# LibreOffice (writer: pdf, docx, txt, html) and poppler (an image-only page for the no-text-layer case).
# Needs: apt-get install libreoffice-writer-nogui poppler-utils fonts-wqy-microhei
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=tests/fixtures/formats/src/report.fodt
OUT=tests/fixtures/formats
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
convert() { soffice --headless -env:UserInstallation="file://$TMP/profile" --convert-to "$1" --outdir "$2" "$3" >/dev/null 2>&1; }

convert pdf "$OUT" "$SRC"
convert docx "$OUT" "$SRC"
convert 'txt:Text (encoded):UTF8' "$OUT" "$SRC"
convert html "$TMP" "$SRC"

# A saved web page: the article inside site navigation, a breadcrumb, a sidebar and a footer.
{
  cat <<'HEAD'
<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>襄阳市经济和信息化局2025年工作总结和2026年工作思路_襄阳市经济和信息化局</title></head>
<body>
<header class="site-header"><div class="logo">襄阳市经济和信息化局</div>
<nav class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ghjh/">规划计划</a></div>
<aside class="sidebar"><h3>热点推荐</h3><ul><li><a href="/a/1.html">关于开展2026年度工业企业技术改造项目申报工作的通知</a></li><li><a href="/a/2.html">全市工业经济运行调度会召开</a></li></ul></aside>
<main><article class="article">
HEAD
  # The body of LibreOffice's export without its page header and footer blocks.
  sed -n '/<body/,/<\/body>/p' "$TMP/report.html" | sed '1d;$d' \
    | perl -0pe 's{<div title="(header|footer)">.*?</div>}{}gs'
  cat <<'TAIL'
</article></main>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<footer class="site-footer"><p>主办单位：襄阳市经济和信息化局　地址：襄阳市长征路1号　联系电话：0710-0000000</p><p>网站标识码：0000000000　鄂ICP备00000000号</p></footer>
</body></html>
TAIL
} > "$OUT/report.html"

# Invalid PDFs, each from the real one: cut off, password-protected, and a scanned page without a text layer.
head -c 2000 "$OUT/report.pdf" > "$OUT/broken.pdf"
soffice --headless -env:UserInstallation="file://$TMP/profile" \
  --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
  --outdir "$TMP/enc" "$SRC" >/dev/null 2>&1
mv "$TMP/enc/report.pdf" "$OUT/encrypted.pdf"
pdftoppm -png -r 50 -f 1 -l 1 "$OUT/report.pdf" "$TMP/page"
IMAGE=$(base64 -w0 "$TMP"/page*.png)
cat > "$TMP/scanned.fodt" <<FODT
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
  xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:body><office:text><text:p><draw:frame draw:name="scan" svg:width="15cm" svg:height="21cm" text:anchor-type="as-char">
  <draw:image><office:binary-data>$IMAGE</office:binary-data></draw:image></draw:frame></text:p></office:text></office:body>
</office:document>
FODT
convert pdf "$TMP" "$TMP/scanned.fodt"
mv "$TMP/scanned.pdf" "$OUT/scanned.pdf"
ls -l "$OUT"
