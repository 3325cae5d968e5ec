#!/usr/bin/env bash
# Makes the spreadsheets of tests/office.rs the way a school's office does:
# each sheet is written here as a flat OpenDocument file (.fods, XML), then
# saved by LibreOffice Calc as .xlsx, .xls, .ods and CSV. The generated files
# are committed; CI never runs this script (it needs LibreOffice:
# `apt-get install -y libreoffice-calc-nogui`).
#
#   bash tests/data/office/make.sh        # from the repository root
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

head='<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:number-style style:name="N0000"><number:number number:decimal-places="0" number:min-integer-digits="4"/></number:number-style>
  <number:date-style style:name="NDATE"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
  <number:time-style style:name="NTIME"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>
  <style:style style:name="id" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N0000"/>
  <style:style style:name="date" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="NDATE"/>
  <style:style style:name="time" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="NTIME"/>
 </office:automatic-styles>
 <office:body><office:spreadsheet>'
tail=' </office:spreadsheet></office:body>
</office:document>'

# Cells: s TEXT (a string), n VALUE (a number), id VALUE (a number shown
# with four digits, 0012), d DATE, t HH:MM (a time), f FORMULA VALUE.
cell() {
  case $1 in
    s) echo "<table:table-cell office:value-type=\"string\"><text:p>$2</text:p></table:table-cell>" ;;
    n) echo "<table:table-cell office:value-type=\"float\" office:value=\"$2\"><text:p>$2</text:p></table:table-cell>" ;;
    id) printf '<table:table-cell table:style-name="id" office:value-type="float" office:value="%d"><text:p>%04d</text:p></table:table-cell>\n' "$2" "$2" ;;
    d) echo "<table:table-cell table:style-name=\"date\" office:value-type=\"date\" office:date-value=\"$2\"><text:p>$2</text:p></table:table-cell>" ;;
    t) echo "<table:table-cell table:style-name=\"time\" office:value-type=\"time\" office:time-value=\"PT${2%%:*}H${2##*:}M00S\"><text:p>$2</text:p></table:table-cell>" ;;
    f) echo "<table:table-cell table:formula=\"of:=$2\" office:value-type=\"float\" office:value=\"$3\"><text:p>$3</text:p></table:table-cell>" ;;
    e) echo "<table:table-cell/>" ;;
  esac
}
# row "s 工号" "s 姓名" ...: one row of cells, each "KIND VALUE [VALUE]".
row() {
  echo "<table:table-row>"
  for c in "$@"; do
    # shellcheck disable=SC2086
    cell $c
  done
  echo "</table:table-row>"
}
sheet() { # NAME, then rows on stdin
  { echo "$head"; echo "<table:table table:name=\"$1\">"; cat; echo "</table:table>"; echo "$tail"; } > "$work/$2.fods"
}
save() { # NAME FORMAT [FILTER]
  local filter=${3:-$2}
  soffice --headless --convert-to "$filter" --outdir "$work/out" "$work/$1.fods" > /dev/null
  mv "$work/out/$1.$2" "./$1.$2"
}
# CSV as LibreOffice saves it: comma, quotes, UTF-8 (76) or GBK (56), and
# every cell as shown (0012, not 12).
csv_utf8='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true'
csv_gbk='csv:Text - txt - csv (StarCalc):44,34,56,1,,0,false,true,true'

# A roster whose 工号 are numbers formatted 0000, ending with a total row
# (a COUNTA formula) and a footer.
{
  row "s 工号" "s 姓名" "s 教研组"
  row "id 12" "s 张三" "s 语文"
  row "id 13" "s 李四" "s 数学"
  row "id 7" "s 王五" "s 英语"
  row "s 合计" "f COUNTA([.B2:.B4]) 3" "s 共3人"
  row "s 制表人：赵六" "e" "s 审核人：钱七"
} | sheet 教师名单 roster_total
for f in xlsx xls ods; do save roster_total $f; done
save roster_total csv "$csv_utf8"

# A roster ending with a footer only.
{
  row "s 工号" "s 姓名" "s 教研组"
  row "s T1" "s 张三" "s 语文"
  row "s T2" "s 李四" "s 数学"
  row "s 填表日期：2025年9月1日" "e" "e"
  row "s 制表人：赵六" "e" "s 审核人：钱七"
} | sheet 教师名单 roster_footer
save roster_footer xlsx

# The same teachers with ids typed as text (0012) and as plain numbers (12).
{
  row "s 工号" "s 姓名" "s 教研组"
  row "n 12" "s 张三" "s 语文"
} | sheet 教师名单 roster_plain
save roster_plain xlsx

# A roster with a character outside GBK (𠮷), saved as UTF-8 and as GBK.
{
  row "s 工号" "s 姓名" "s 教研组"
  row "s T1" "s 吉𠮷" "s 语文"
  row "s T2" "s 李四" "s 数学"
} | sheet 教师名单 roster_rare
save roster_rare csv "$csv_utf8"
mv roster_rare.csv roster_rare_utf8.csv
save roster_rare csv "$csv_gbk"
mv roster_rare.csv roster_rare_gbk.csv

# A term plan with typed dates and times (.ods stores times as PT15H30M00S).
{
  row "s 日期" "s 开始时间" "s 结束时间" "s 主题" "s 学分"
  row "d 2025-09-10" "t 15:30" "t 16:30" "s 师德讲座" "n 2"
  row "d 2025-09-17" "t 14:00" "t 15:30" "s 课堂观察" "n 1.5"
  row "s 合计" "e" "e" "e" "f SUM([.E2:.E3]) 3.5"
} | sheet 培训计划 plan_times
for f in ods xlsx; do save plan_times $f; done

# row_as VISIBILITY "s 工号" ...: a row that Calc hides (collapse: hidden
# by hand, Format > Rows > Hide; filter: left out by a standard filter).
row_as() {
  local vis=$1
  shift
  echo "<table:table-row table:visibility=\"$vis\">"
  for c in "$@"; do
    # shellcheck disable=SC2086
    cell $c
  done
  echo "</table:table-row>"
}

# A roster where the office hid two departed teachers' rows (issue 25).
{
  row "s 工号" "s 姓名" "s 教研组"
  row "s T1" "s 张三" "s 语文"
  row_as collapse "s T2" "s 李四" "s 数学"
  row "s T3" "s 王五" "s 英语"
  row_as collapse "s T4" "s 赵六" "s 语文"
} | sheet 教师名单 roster_hidden
for f in xlsx ods xls; do save roster_hidden $f; done

# A roster under an autofilter showing 语文 only: the 数学 rows are
# filtered out. The filter is the sheet's database range, as Calc keeps it.
{
  row "s 工号" "s 姓名" "s 教研组"
  row "s T1" "s 张三" "s 语文"
  row_as filter "s T2" "s 李四" "s 数学"
  row "s T3" "s 王五" "s 语文"
  row_as filter "s T4" "s 赵六" "s 数学"
} | sheet 教师名单 roster_filtered
filter='<table:database-ranges><table:database-range table:name="__Anonymous_Sheet_DB__0" table:target-range-address="教师名单.A1:教师名单.C5" table:display-filter-buttons="true"><table:filter><table:filter-condition table:field-number="2" table:value="语文" table:operator="="/></table:filter></table:database-range></table:database-ranges>'
sed -i "s|</table:table>|</table:table>$filter|" "$work/roster_filtered.fods"
for f in xlsx ods xls; do save roster_filtered $f; done
ls -l
