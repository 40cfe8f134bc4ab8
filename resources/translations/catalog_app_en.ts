<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ko">
<context>
    <name>CatalogBackup</name>
    <message>
        <location filename="../../ui/backup_menu.py" line="26"/>
        <source>카탈로그 (*.db);;모든 파일 (*)</source>
        <translation>Catalog (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="26"/>
        <source>카탈로그 백업</source>
        <translation>Back up catalog</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="37"/>
        <source>백업하는 중…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="41"/>
        <source>백업했습니다: {path}</source>
        <translation>Backed up: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="44"/>
        <source>카탈로그를 백업했습니다:
{path}</source>
        <translation>The catalog was backed up to:
{path}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="50"/>
        <source>백업하지 못했습니다:
{error}</source>
        <translation>The backup failed:
{error}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="61"/>
        <source>복원할 백업 파일 선택</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="63"/>
        <source>카탈로그 (*.db *.bak);;모든 파일 (*)</source>
        <translation>Catalogs (*.db *.bak);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="67"/>
        <source>카탈로그 복원</source>
        <translation>Restore catalog</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="69"/>
        <source>지금 카탈로그의 내용을 이 백업으로 바꿉니다:
{path}

지금 카탈로그는 먼저 옆에 사본으로 남깁니다. 계속할까요?</source>
        <translation>The catalog&apos;s content will be replaced by this backup:
{path}

The current catalog is first kept as a copy beside it. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="82"/>
        <source>진행 중인 작업이 끝나거나 취소된 뒤에 복원할 수 있습니다.</source>
        <translation>You can restore once the running job has finished or been cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="89"/>
        <source>
복원 전 카탈로그는 여기에 남겼습니다:
{path}</source>
        <translation>
The catalog as it was before is kept here:
{path}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="94"/>
        <source>카탈로그를 복원했습니다 (데이터셋 {n:,}개).</source>
        <translation>The catalog was restored ({n:,} datasets).</translation>
    </message>
    <message>
        <location filename="../../ui/backup_menu.py" line="100"/>
        <source>복원하지 못했습니다:
{error}</source>
        <translation>The restore failed:
{error}</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="37"/>
        <source>카탈로그</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="45"/>
        <source>파일·시트·컬럼 이름 검색 (예: 주소, 성명, 등록일자)  Ctrl+F</source>
        <translation>Search file, sheet and column names (e.g. 주소, 성명, 등록일자)  Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="50"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="53"/>
        <location filename="../../ui/pages/catalog_page.py" line="64"/>
        <location filename="../../ui/pages/catalog_page.py" line="169"/>
        <source>전체</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="61"/>
        <source>부서</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="69"/>
        <source>점검: 전체</source>
        <translation>Checks: all</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="70"/>
        <source>비준수 컬럼 있음</source>
        <translation>Has non-compliant columns</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="71"/>
        <source>공개 항목 미입력</source>
        <translation>Disclosure fields missing</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="75"/>
        <source>비준수: 마지막 제안 만들기 때 점검에 걸린 컬럼이 있는 파일. 미입력: 분류체계·업데이트 주기·차기 등록 예정일·키워드·설명 중 빈 것이 있는 파일</source>
        <translation>Non-compliant: files with a column that failed the checks at the last suggestion run. Missing: files where 분류체계, 업데이트 주기, 차기 등록 예정일, 키워드 or 설명 is empty</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="80"/>
        <source>개인정보 포함</source>
        <translation>Contains personal data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="104"/>
        <source>종류</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="105"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="106"/>
        <source>파일</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="107"/>
        <source>시트</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="108"/>
        <source>경로</source>
        <translation>Path</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="244"/>
        <source>찾은 항목 {n:,}개</source>
        <translation>{n:,} matches</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="246"/>
        <source> (처음 {n}개만)</source>
        <translation> (first {n} only)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="248"/>
        <source>데이터셋 {n:,}개</source>
        <translation>{n:,} datasets</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="370"/>
        <source>파일을 다시 읽지 못했습니다: {msg}</source>
        <translation>Could not reread the file: {msg}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="376"/>
        <source>머리글을 지정하지 못했습니다: {msg}</source>
        <translation>Could not set the header: {msg}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catalog_page.py" line="426"/>
        <source>개인정보 판정을 바꾸지 못했습니다: {msg}</source>
        <translation>Could not change the personal-data verdict: {msg}</translation>
    </message>
</context>
<context>
    <name>ColumnOpennessTable</name>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="87"/>
        <source>컬럼</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="88"/>
        <source>개인정보(스캔)</source>
        <translation>Personal data (scan)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="89"/>
        <source>공개/비공개여부</source>
        <translation>Disclosure status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="90"/>
        <source>비공개사유</source>
        <translation>Reason for withholding</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="91"/>
        <source>개인정보여부</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="92"/>
        <source>상세근거</source>
        <translation>Detailed grounds</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="93"/>
        <source>컬럼설명</source>
        <translation>Column description</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="94"/>
        <source>영문명</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="95"/>
        <source>단위</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="96"/>
        <source>코드</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="97"/>
        <source>검사</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="156"/>
        <source>두 번 눌러 입력합니다</source>
        <translation>Double-click to type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="158"/>
        <source>비워 두면: {value}</source>
        <translation>If left empty: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="198"/>
        <source>(자동: {value})</source>
        <translation>(auto: {value})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="200"/>
        <source>(데이터셋 따름: {value})</source>
        <translation>(as dataset: {value})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="217"/>
        <source>차단 {n}</source>
        <translation>{n} blocking</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_columns.py" line="219"/>
        <source>경고 {n}</source>
        <translation>{n} warnings</translation>
    </message>
</context>
<context>
    <name>DatasetDetail</name>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="52"/>
        <location filename="../../ui/pages/dataset_detail.py" line="209"/>
        <source>데이터셋을 고르면 표와 컬럼이 여기에 나옵니다.</source>
        <translation>Select a dataset to see its tables and columns here.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="75"/>
        <source>(표)</source>
        <translation>(table)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="75"/>
        <source>시트</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="76"/>
        <source>머리글</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="77"/>
        <source>데이터 행</source>
        <translation>Data rows</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="78"/>
        <source>열</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="79"/>
        <source>합계·주석·빈 행</source>
        <translation>Non-data rows</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="80"/>
        <source>사람 목록</source>
        <translation>List of people</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="82"/>
        <source>참고</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="88"/>
        <source>번호</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="89"/>
        <source>컬럼 이름</source>
        <translation>Column name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="90"/>
        <source>형식</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="91"/>
        <source>개인정보</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="92"/>
        <source>판정 근거</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="93"/>
        <source>빈값</source>
        <translation>Empty</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="94"/>
        <source>고유값</source>
        <translation>Distinct</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="95"/>
        <source>최대 바이트</source>
        <translation>Max bytes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="96"/>
        <source>패턴</source>
        <translation>Pattern</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="97"/>
        <source>예시 값</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="106"/>
        <source>표</source>
        <translation>Tables</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="108"/>
        <source>머리글 행 지정…</source>
        <translation>Set header rows…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="110"/>
        <source>자동으로 찾은 머리글이 틀렸을 때 직접 지정하고 그 파일만 다시 읽습니다</source>
        <translation>If the detected header is wrong, set it yourself and reread just that file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="114"/>
        <source>공개 항목 입력…</source>
        <translation>Disclosure items…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="116"/>
        <source>이 데이터셋의 공개 항목을 공개 항목 페이지에서 엽니다</source>
        <translation>Open this dataset&apos;s disclosure items on the Disclosure items page</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="130"/>
        <source>컬럼</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="132"/>
        <source>개인정보 판정…</source>
        <translation>Personal-data verdict…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="134"/>
        <source>고른 컬럼의 개인정보 판정을 담당자가 바꿉니다 (다시 스캔해도 유지)</source>
        <translation>Overrule the selected column&apos;s personal-data verdict (kept across rescans)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="138"/>
        <source>판정 되돌리기</source>
        <translation>Undo verdict</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="139"/>
        <source>마지막 개인정보 판정을 되돌립니다</source>
        <translation>Undo the last personal-data verdict</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="156"/>
        <source>자동</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="156"/>
        <source>직접 지정</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="158"/>
        <source>없음 ({source})</source>
        <translation>None ({source})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="159"/>
        <source>{row}행부터 {n}줄 ({source})</source>
        <translation>From row {row}, {n} rows ({source})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="195"/>
        <source>예 — {why}</source>
        <translation>Yes — {why}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="229"/>
        <source>인코딩 {enc} ({how})</source>
        <translation>Encoding {enc} ({how})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="234"/>
        <source>데이터 {rows:,}행, 컬럼 {cols:,}개</source>
        <translation>{rows:,} data rows, {cols:,} columns</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="239"/>
        <source>오류: {msg}</source>
        <translation>Error: {msg}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dataset_detail.py" line="240"/>
        <source>참고: {msg}</source>
        <translation>Note: {msg}</translation>
    </message>
</context>
<context>
    <name>DatasetTableModel</name>
    <message>
        <location filename="../../ui/models.py" line="112"/>
        <source>파일 이름</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="113"/>
        <source>폴더</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="114"/>
        <source>형식</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="115"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="116"/>
        <source>표</source>
        <translation>Tables</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="117"/>
        <source>열</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="118"/>
        <source>행</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="119"/>
        <source>개인정보 열</source>
        <translation>Personal-data columns</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="120"/>
        <source>스캔 시각</source>
        <translation>Scanned at</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../ui/date_edit.py" line="71"/>
        <source>달력에서 고르기</source>
        <translation>Pick from the calendar</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <location filename="../../ui/pages/department_dialog.py" line="33"/>
        <source>부서 지정</source>
        <translation>Assign departments</translation>
    </message>
    <message>
        <location filename="../../ui/pages/department_dialog.py" line="39"/>
        <source>폴더(스캔한 폴더 기준 상대 경로)마다 관리부서를 정합니다. 하위 폴더도 같은 부서가 됩니다. 지정하지 않은 폴더는 첫 폴더 이름이 부서명이 됩니다.</source>
        <translation>Assign the managing department of each folder (path relative to the scanned folder). Subfolders belong to the same department. For folders without an assignment, the first folder name is used as the department.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/department_dialog.py" line="46"/>
        <source>부서명</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/pages/department_dialog.py" line="46"/>
        <source>전화번호</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/department_dialog.py" line="46"/>
        <source>폴더</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/department_dialog.py" line="54"/>
        <source>행 추가</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../ui/pages/department_dialog.py" line="56"/>
        <source>선택 행 삭제</source>
        <translation>Delete selected rows</translation>
    </message>
    <message>
        <location filename="../../ui/pages/department_dialog.py" line="58"/>
        <source>스캔한 폴더 불러오기</source>
        <translation>Load scanned folders</translation>
    </message>
    <message>
        <location filename="../../ui/pages/department_dialog.py" line="59"/>
        <source>아직 지정하지 않은 첫 단계 폴더를 목록에 더합니다</source>
        <translation>Adds the top-level folders that have no assignment yet</translation>
    </message>
</context>
<context>
    <name>DictionaryPage</name>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="52"/>
        <source>표준사전</source>
        <translation>Standard dictionary</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="55"/>
        <source>표준사전을 준비하는 중…</source>
        <translation>Preparing the standard dictionary…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="59"/>
        <source>검색</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="60"/>
        <location filename="../../ui/pages/dictionary_page.py" line="97"/>
        <location filename="../../ui/pages/dictionary_page.py" line="142"/>
        <source>판</source>
        <translation>Edition</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="63"/>
        <source>기관표준</source>
        <translation>Institution standard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="66"/>
        <source>검토 대기</source>
        <translation>Pending review</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="69"/>
        <source>변경 이력</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="81"/>
        <source>단어·용어·도메인 검색 (이름, 영문약어, 영문명, 이음동의어, 금칙어)</source>
        <translation>Search words, terms and domains (name, abbreviation, English name, synonyms, forbidden words)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="92"/>
        <source>종류</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="93"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="94"/>
        <source>영문약어</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="95"/>
        <source>도메인·영문명·형식</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="96"/>
        <location filename="../../ui/pages/dictionary_page.py" line="143"/>
        <source>구분</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="98"/>
        <source>설명</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="141"/>
        <source>현재</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="144"/>
        <source>단어</source>
        <translation>Words</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="145"/>
        <location filename="../../ui/pages/dictionary_page.py" line="260"/>
        <source>용어</source>
        <translation>Terms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="146"/>
        <source>도메인</source>
        <translation>Domains</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="147"/>
        <source>가져온 시각</source>
        <translation>Imported at</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="148"/>
        <source>출처</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="159"/>
        <source>현재 판으로</source>
        <translation>Make current</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="162"/>
        <source>고른 공통표준 판으로 매핑합니다. 폐기·변경된 용어에 매핑된 컬럼을 알려 줍니다.</source>
        <translation>Map against the selected edition of the common standard. Columns mapped to retired or changed terms are listed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="166"/>
        <source>판 가져오기…</source>
        <translation>Import edition…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="168"/>
        <source>행정안전부 공통표준 파일(xlsx, csv)을 새 판으로 가져옵니다</source>
        <translation>Imports a common standard file from the Ministry of the Interior and Safety (xlsx, csv) as a new edition</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="171"/>
        <source>현재 판과 비교…</source>
        <translation>Compare with current…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="173"/>
        <source>고른 판과 현재 판의 단어·용어·도메인 추가·폐기·변경을 봅니다</source>
        <translation>See the words, terms and domains added, retired or changed between the selected edition and the current one</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="214"/>
        <source>{a}와(과) {b}를 비교하는 중…</source>
        <translation>Comparing {a} with {b}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="231"/>
        <source>현재 판 바꾸기</source>
        <translation>Change current edition</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="232"/>
        <source>현재 공통표준을 {key}(으)로 바꿀까요?</source>
        <translation>Make {key} the current common standard?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="249"/>
        <source>현재 판을 {key}(으)로 바꿨습니다. 아래 컬럼은 폐기되거나 바뀐 용어에 매핑되어 있어 다시 검토해야 합니다.</source>
        <translation>The current edition is now {key}. The columns below are mapped to retired or changed terms and need another review.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="254"/>
        <source>현재 판을 {key}(으)로 바꿨습니다. 다시 검토할 매핑은 없습니다.</source>
        <translation>The current edition is now {key}. No mappings need another review.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="258"/>
        <source>현재 판</source>
        <translation>Current edition</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="260"/>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="260"/>
        <source>시트</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="260"/>
        <source>컬럼</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="260"/>
        <source>파일</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="268"/>
        <source>공통표준 파일 선택</source>
        <translation>Choose a common standard file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="270"/>
        <source>공통표준 (*.xlsx *.csv);;모든 파일 (*)</source>
        <translation>Common standard (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="284"/>
        <source>{key} 판을 가져왔습니다.</source>
        <translation>Imported edition {key}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_page.py" line="309"/>
        <source>현재 공통표준: {key} · 기관표준 용어 {n:,}개</source>
        <translation>Current common standard: {key} · {n:,} institution terms</translation>
    </message>
</context>
<context>
    <name>DisclosurePage</name>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="71"/>
        <source>공개목록</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="104"/>
        <source>기준 연도</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="113"/>
        <source>점검 (F7)</source>
        <translation>Check (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="115"/>
        <source>이 연도 공개목록의 필수 항목·허용값·개인정보를 점검합니다 (F7)</source>
        <translation>Check this year&apos;s lists: required fields, allowed values, personal data (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="120"/>
        <source>스냅샷 고정…</source>
        <translation>Freeze snapshot…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="122"/>
        <source>이 연도의 공개목록 상태를 고정합니다. 고정한 스냅샷은 바꿀 수 없습니다.</source>
        <translation>Freezes this year&apos;s disclosure list as it is now. A frozen snapshot cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="127"/>
        <source>내보내기</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="134"/>
        <source>작년과 비교</source>
        <translation>Compare with last year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="137"/>
        <source>등록 목록 가져오기…</source>
        <translation>Import registered list…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="140"/>
        <source>공공데이터포털에서 내려받은 목록(CSV, xlsx)을 가져와 신규·변경·제외를 따집니다. 미리 보고 확인한 뒤에만 저장합니다.</source>
        <translation>Imports the list downloaded from the Public Data Portal (CSV, xlsx) and works out what is new, changed or to be removed. Nothing is saved until you have checked the preview.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="175"/>
        <source>기관 설정</source>
        <translation>Institution settings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="181"/>
        <source>부서 지정…</source>
        <translation>Assign departments…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="182"/>
        <source>폴더마다 관리부서와 전화번호를 정합니다</source>
        <translation>Set the managing department and phone number of each folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="192"/>
        <source>모든 목록에 들어가는 기관 정보와 데이터셋의 기본값입니다. 관리부서는 폴더 이름에서 정해지며 [부서 지정…]에서 바꿀 수 있습니다.</source>
        <translation>Institution details that go into every list, and the defaults for datasets. The managing department comes from the folder name; change it with [Assign departments…].</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="211"/>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="214"/>
        <source>기관명·기관코드를 입력하세요</source>
        <translation>Enter the institution name and code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="230"/>
        <source>아직 점검하지 않았습니다. [점검]을 누르세요.</source>
        <translation>Not validated yet. Click [Validate].</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="232"/>
        <source>차단 문제만</source>
        <translation>Blocking problems only</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="237"/>
        <source>두 번 누르거나 Enter: 그 항목을 엽니다</source>
        <translation>Double-click or press Enter to open the field</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="240"/>
        <source>점검 결과</source>
        <translation>Validation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="244"/>
        <source>연도</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="245"/>
        <source>고정 시각</source>
        <translation>Frozen at</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="246"/>
        <source>작성자</source>
        <translation>Created by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="247"/>
        <source>데이터셋</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="248"/>
        <source>컬럼</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="249"/>
        <source>표준 준수율</source>
        <translation>Standard compliance rate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="250"/>
        <source>비고</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="256"/>
        <location filename="../../ui/pages/disclosure_page.py" line="508"/>
        <source>스냅샷</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="260"/>
        <source>전년 대비</source>
        <translation>Year over year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="264"/>
        <source>재식별 점검</source>
        <translation>Re-identification check</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="274"/>
        <source>차단 문제가 있는 채 고정</source>
        <translation>Frozen with blocking problems</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="314"/>
        <location filename="../../ui/pages/disclosure_page.py" line="315"/>
        <source>스캔 중에는 점검·스냅샷·내보내기를 할 수 없습니다.</source>
        <translation>Checks, snapshots and exports wait until the scan ends.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="369"/>
        <source>{year}년: 현재 카탈로그 기준 (스냅샷 없음)</source>
        <translation>{year}: from the current catalog (no snapshot)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="373"/>
        <source>{year}년: 고정된 스냅샷 기준 ({at}, {who})</source>
        <translation>{year}: from the frozen snapshot ({at}, {who})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="404"/>
        <source>표준용어 제안이 없는 컬럼 {n:,}개: 표준 준수율과 정의서를 믿을 수 없어 스냅샷과 내보내기가 막힙니다. [매핑 검토]에서 제안 만들기를 실행하세요.</source>
        <translation>{n:,} columns have no standard-term suggestion: the compliance rate and the definitions cannot be trusted, so snapshots and exports are blocked. Run &apos;Suggest terms&apos; in [Mapping review].</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="413"/>
        <source>준수율에서 뺀 파일 {n}개 (글자가 깨져 읽힘): {names}</source>
        <translation>{n} files left out of the compliance rate (text read garbled): {names}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="442"/>
        <source>부서 지정을 저장했습니다 ({n}개).</source>
        <translation>Saved the department assignments ({n}).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="447"/>
        <source>부서 지정을 저장하는 중…</source>
        <translation>Saving the department assignments…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="457"/>
        <source>기관 설정을 저장했습니다.</source>
        <translation>Saved the institution settings.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="479"/>
        <source>{year}년 목록을 점검하는 중…</source>
        <translation>Validating the {year} list…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="494"/>
        <source>점검하지 못했습니다: {e}</source>
        <translation>Could not check: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="508"/>
        <source>현재 카탈로그</source>
        <translation>current catalog</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="510"/>
        <source>{year}년: 문제가 없습니다 ({where}). 내보낼 수 있습니다.</source>
        <translation>{year}: no problems ({where}). Ready to export.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="514"/>
        <source>{year}년: 차단 {errors}건 · 경고 {warnings}건 ({where})</source>
        <translation>{year}: {errors} blocking · {warnings} warnings ({where})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="569"/>
        <source>포털에서 내려받은 등록 목록</source>
        <translation>Registered list downloaded from the portal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_page.py" line="571"/>
        <source>목록 파일 (*.csv *.xlsx *.xls *.txt);;모든 파일 (*)</source>
        <translation>List files (*.csv *.xlsx *.xls *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="140"/>
        <source>등록 목록을 읽는 중…</source>
        <translation>Reading the registered list…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="151"/>
        <source>등록 목록을 가져오지 않았습니다 (바뀐 것 없음).</source>
        <translation>The registered list was not imported (nothing changed).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="155"/>
        <source>등록 목록을 저장하는 중…</source>
        <translation>Saving the registered list…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="177"/>
        <source>등록 목록을 가져왔습니다: 신규 {new} · 변경 {changed} · 제외 {gone} · 유지 {kept} (기한은 현황과 점검 결과에 나옵니다)</source>
        <translation>Registered list imported: {new} new · {changed} changed · {gone} to remove · {kept} unchanged (deadlines are shown on Overview and in the check results)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="188"/>
        <source>신규·변경·제외를 따지는 중…</source>
        <translation>Working out new, changed and removed entries…</translation>
    </message>
</context>
<context>
    <name>EditionDiffDialog</name>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="34"/>
        <source>판 비교: {a} → {b}</source>
        <translation>Edition comparison: {a} → {b}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="37"/>
        <source>단어</source>
        <translation>Word</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="38"/>
        <source>용어</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="39"/>
        <source>도메인</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="44"/>
        <source>이전</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="44"/>
        <source>이후</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="44"/>
        <source>항목</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="47"/>
        <source>{what} 추가 {a} · 폐기 {r} · 변경 {c}</source>
        <translation>{what}: {a} added · {r} retired · {c} changed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="57"/>
        <source>추가</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="58"/>
        <source>폐기</source>
        <translation>Retire</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="60"/>
        <source>{t} {n}개</source>
        <translation>{t}: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="64"/>
        <source>변경 {n}개</source>
        <translation>Changed: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="72"/>
        <source>달라진 것이 없습니다.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="79"/>
        <source>엑셀로 저장…</source>
        <translation>Save as Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="92"/>
        <source>판 비교 저장</source>
        <translation>Save edition comparison</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="94"/>
        <source>엑셀 (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="101"/>
        <source>저장하지 못했습니다: {e}</source>
        <translation>Could not save: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/edition_diff.py" line="103"/>
        <source>저장했습니다: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="65"/>
        <source>단어</source>
        <translation>Word</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="65"/>
        <source>용어</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="71"/>
        <source>단어명</source>
        <translation>Word name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="72"/>
        <location filename="../../ui/pages/dictionary_entry.py" line="83"/>
        <source>영문약어명</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="73"/>
        <source>영문명</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="74"/>
        <location filename="../../ui/pages/dictionary_entry.py" line="85"/>
        <source>설명</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="75"/>
        <source>형식단어(분류어)</source>
        <translation>Class word</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="76"/>
        <source>도메인분류명</source>
        <translation>Domain class</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="77"/>
        <location filename="../../ui/pages/dictionary_entry.py" line="89"/>
        <source>이음동의어 (쉼표로 구분)</source>
        <translation>Synonyms (comma-separated)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="78"/>
        <source>금칙어 (쉼표로 구분)</source>
        <translation>Forbidden words (comma-separated)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="82"/>
        <source>용어명</source>
        <translation>Term name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="84"/>
        <source>도메인명</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="86"/>
        <source>허용값</source>
        <translation>Allowed values</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="87"/>
        <source>저장 형식</source>
        <translation>Storage format</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="88"/>
        <source>표현 형식</source>
        <translation>Display format</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="113"/>
        <source>규칙 검사 결과</source>
        <translation>Rule check</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="125"/>
        <source>저장</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="189"/>
        <source>규칙을 검사하는 중…</source>
        <translation>Checking the rules…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="200"/>
        <source>규칙 검사: 문제가 없습니다.</source>
        <translation>Rule check: no problems.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="203"/>
        <source>규칙 검사: 오류 {e}건 · 경고 {w}건</source>
        <translation>Rule check: {e} errors · {w} warnings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="210"/>
        <source> → {s}</source>
        <translation> → {s}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="218"/>
        <source>표준 규칙 위반</source>
        <translation>Standard rule violation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_entry.py" line="219"/>
        <source>표준 규칙에 맞지 않는 곳이 있습니다(목록 참고). 그래도 저장할까요?</source>
        <translation>Some things break the standard&apos;s rules (see the list). Save anyway?</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../ui/metadata_grid_model.py" line="97"/>
        <source>부서(폴더)</source>
        <translation>Department (folder)</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_grid_model.py" line="97"/>
        <source>파일</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_grid_model.py" line="103"/>
        <source>허용값: {values}</source>
        <translation>Allowed: {values}</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_grid_model.py" line="140"/>
        <source>허용되지 않는 값입니다: {value}</source>
        <translation>Not an allowed value: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_grid_model.py" line="142"/>
        <source>비워 두면 스캔·설정에서 정한 값을 씁니다: {value}</source>
        <translation>Left empty, the value from the scan or the settings is used: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_grid_model.py" line="156"/>
        <source>입력</source>
        <translation>Entered</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../ui/logging_setup.py" line="105"/>
        <source>예기치 않은 오류</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ui/logging_setup.py" line="108"/>
        <source>예기치 않은 오류가 났습니다. 하던 작업을 저장하고 다시 시도해 주세요.

{error}

자세한 내용은 로그 파일에 기록했습니다:
{path}</source>
        <translation>An unexpected error occurred. Save your work and try again.

{error}

Details were written to the log file:
{path}</translation>
    </message>
</context>
<context>
    <name>FileProgress</name>
    <message>
        <location filename="../../ui/file_progress.py" line="24"/>
        <source>{done:,} / {total:,} 파일 — {path}</source>
        <translation>{done:,} / {total:,} files — {path}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/pages/mapping_filters.py" line="31"/>
        <source>컬럼 이름 검색  Ctrl+F</source>
        <translation>Search column names  Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_filters.py" line="34"/>
        <source>종류</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_filters.py" line="36"/>
        <source>전체</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_filters.py" line="40"/>
        <source>미결정만</source>
        <translation>Undecided only</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_filters.py" line="41"/>
        <source>수락·거부·제안하지 않은 컬럼만 봅니다</source>
        <translation>Show only columns not yet accepted, rejected or proposed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_filters.py" line="43"/>
        <source>점수</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_filters.py" line="51"/>
        <source>1순위 후보의 점수 범위</source>
        <translation>Score range of the top candidate</translation>
    </message>
</context>
<context>
    <name>HeaderDialog</name>
    <message>
        <location filename="../../ui/header_dialog.py" line="60"/>
        <source>머리글 행 지정</source>
        <translation>Set header rows</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="62"/>
        <source>(표)</source>
        <translation>(table)</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="65"/>
        <source>&apos;{sheet}&apos;의 앞부분입니다. 머리글인 행을 누르세요 (여러 줄이면 Shift를 누른 채 마지막 줄을 누르거나 끌어서 고릅니다). 지정한 값은 다시 스캔해도 유지됩니다.</source>
        <translation>The top of &apos;{sheet}&apos;. Click the header row (for several rows, Shift-click the last one or drag). Your setting is kept when you rescan.</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="71"/>
        <source>시트의 앞부분을 읽는 중…</source>
        <translation>Reading the top of the sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="93"/>
        <source>머리글 없음</source>
        <translation>No header</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="94"/>
        <source>머리글 시작 행</source>
        <translation>Header starts at row</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="95"/>
        <source>머리글 줄 수</source>
        <translation>Header rows</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="101"/>
        <source>직접 지정을 지우고 자동 감지로 되돌리기</source>
        <translation>Clear the manual setting and detect automatically</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="141"/>
        <source>개인정보로 보여 가렸습니다</source>
        <translation>Masked: looks like personal data</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="146"/>
        <source>앞의 {n}행을 보여 줍니다.</source>
        <translation>Showing the first {n} rows.</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="148"/>
        <source>아래로 더 있습니다.</source>
        <translation>There are more rows below.</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="150"/>
        <source>개인정보로 보이는 칸은 가렸습니다.</source>
        <translation>Cells that look like personal data are masked.</translation>
    </message>
    <message>
        <location filename="../../ui/header_dialog.py" line="159"/>
        <source>시트를 읽지 못했습니다 (행 번호로 지정할 수 있습니다): {e}</source>
        <translation>Could not read the sheet (you can still give the row numbers): {e}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="237"/>
        <source>번호</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="238"/>
        <source>시각</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="239"/>
        <source>사용자</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="240"/>
        <source>작업</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="241"/>
        <source>종류</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="242"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="243"/>
        <location filename="../../ui/pages/quality_tabs.py" line="217"/>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="244"/>
        <location filename="../../ui/pages/quality_tabs.py" line="246"/>
        <source>되돌림</source>
        <translation>Undone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="252"/>
        <source>되돌리기</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="254"/>
        <source>고른 변경을 (고르지 않았으면 마지막 변경을) 되돌립니다</source>
        <translation>Undoes the selected change (or the last change if none is selected)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="263"/>
        <source>되돌림 (변경 {n})</source>
        <translation>Undone (change {n})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="265"/>
        <source>변경 {n}을(를) 되돌림</source>
        <translation>Undoes change {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="285"/>
        <source>이미 되돌린 변경이거나 되돌림 기록입니다.</source>
        <translation>This change was already undone, or is itself an undo.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="298"/>
        <source>변경 되돌리기</source>
        <translation>Undo change</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="299"/>
        <source>변경 {id} ({what})을(를) 되돌릴까요?</source>
        <translation>Undo change {id} ({what})?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="211"/>
        <source>일시</source>
        <translation>Date-time</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="212"/>
        <source>담당</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="213"/>
        <source>조치</source>
        <translation>Fix</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="214"/>
        <source>파일</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="215"/>
        <source>컬럼</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="216"/>
        <source>규칙</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="218"/>
        <source>조치 전</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="219"/>
        <source>최근 진단</source>
        <translation>Latest check</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="227"/>
        <source>조치 전 오류 수는 표시할 때의 진단 결과이고, 최근 진단은 파일을 고쳐 다시 스캔하고 진단한 뒤의 오류 수입니다. 평가 자료로 보고서(조치 이력 시트)에 그대로 나갑니다.</source>
        <translation>Before: the errors when the finding was marked; latest check: the errors after the file was fixed, rescanned and checked again. This goes into the report (fix log sheet) as evaluation evidence.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="236"/>
        <source>선택한 조치 되돌리기</source>
        <translation>Undo the selected mark</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="244"/>
        <source>조치 완료</source>
        <translation>Fixed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="245"/>
        <source>예외</source>
        <translation>Exception</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="248"/>
        <source> (되돌림)</source>
        <translation> (undone)</translation>
    </message>
</context>
<context>
    <name>InstitutionForm</name>
    <message>
        <location filename="../../ui/pages/institution_form.py" line="42"/>
        <source>기관 설정 저장</source>
        <translation>Save institution settings</translation>
    </message>
</context>
<context>
    <name>InstitutionPanel</name>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="37"/>
        <source>이상 없음</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="57"/>
        <source>이 기관이 더한 단어와 용어입니다. 추가·수정할 때 표준 규칙 검사 결과가 바로 나옵니다. 모든 변경은 변경 이력에서 되돌릴 수 있습니다.</source>
        <translation>The words and terms this institution added. The standard&apos;s rules are checked as you add or edit them. Every change can be undone from the change history.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="63"/>
        <source>단어 추가…</source>
        <translation>Add word…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="65"/>
        <source>용어 추가…</source>
        <translation>Add term…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="68"/>
        <source>수정…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="70"/>
        <source>폐기…</source>
        <translation>Retire…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="72"/>
        <location filename="../../ui/pages/dictionary_institution.py" line="99"/>
        <source>규칙 검사</source>
        <translation>Check rules</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="74"/>
        <source>기관표준의 모든 단어·용어를 표준 규칙으로 검사합니다 (standards validate)</source>
        <translation>Check every institution word and term against the standard&apos;s rules (standards validate)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="92"/>
        <source>종류</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="93"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="94"/>
        <source>영문약어</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="95"/>
        <source>도메인·영문명</source>
        <translation>Domain · English</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="96"/>
        <source>설명</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="117"/>
        <source>주고받기</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="119"/>
        <source>기관표준 내보내기…</source>
        <translation>Export institution standard…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="121"/>
        <source>다른 PC가 가져갈 수 있게 xlsx(공통표준 3시트) 또는 CSV 폴더로 저장합니다</source>
        <translation>Save as xlsx (the standard&apos;s three sheets) or a CSV folder for other PCs</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="124"/>
        <source>기관표준 가져오기…</source>
        <translation>Import institution standard…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="126"/>
        <source>담당자가 내보낸 기관표준으로 이 PC의 기관표준을 바꿉니다 (되돌릴 수 있음)</source>
        <translation>Replace this PC&apos;s institution standard with one the standards officer exported (can be undone)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="129"/>
        <source>매핑 기억 내보내기…</source>
        <translation>Export mapping memory…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="131"/>
        <source>수락한 &apos;머리글 → 용어&apos; 결정을 CSV로 저장해 다른 부서와 나눕니다</source>
        <translation>Save the accepted &apos;header → term&apos; decisions as CSV to share with other departments</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="134"/>
        <source>매핑 기억 가져오기…</source>
        <translation>Import mapping memory…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="165"/>
        <source>불러오는 중…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="179"/>
        <source>기관표준 단어 {w}개 · 용어 {t}개</source>
        <translation>Institution standard: {w} words · {t} terms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="206"/>
        <source>규칙 검사: 단어·용어 {n}개, 오류 {e}건</source>
        <translation>Rule check: {n} words and terms, {e} errors</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="211"/>
        <source>규칙을 검사하는 중…</source>
        <translation>Checking the rules…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="234"/>
        <source>{name}을(를) 추가했습니다.</source>
        <translation>Added {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="247"/>
        <source>{name}을(를) 고쳤습니다.</source>
        <translation>Edited {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="255"/>
        <source>폐기</source>
        <translation>Retire</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="256"/>
        <source>&apos;{name}&apos;을(를) 폐기하는 사유를 적어 주세요.</source>
        <translation>Please give the reason for retiring &apos;{name}&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="262"/>
        <source>{name}을(를) 폐기했습니다.</source>
        <translation>Retired {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="280"/>
        <source>기관표준 내보내기</source>
        <translation>Export institution standard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="282"/>
        <source>엑셀 (*.xlsx);;CSV 폴더 (*)</source>
        <translation>Excel (*.xlsx);;CSV folder (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="295"/>
        <source>내보냈습니다: {path} (단어 {w}, 용어 {t})</source>
        <translation>Exported: {path} ({w} words, {t} terms)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="305"/>
        <location filename="../../ui/pages/dictionary_institution.py" line="311"/>
        <source>기관표준 가져오기</source>
        <translation>Import institution standard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="307"/>
        <source>표준사전 (*.xlsx *.csv);;모든 파일 (*)</source>
        <translation>Dictionary (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="313"/>
        <source>이 PC의 기관표준을 이 파일의 내용으로 바꿉니다:
{path}

변경 이력에서 되돌릴 수 있습니다. 계속할까요?</source>
        <translation>This replaces this PC&apos;s institution standard with the content of:
{path}

It can be undone from the change history. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="327"/>
        <source>기관표준을 가져왔습니다 (단어 {w}, 용어 {t}).</source>
        <translation>Imported the institution standard ({w} words, {t} terms).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="338"/>
        <source>매핑 기억 내보내기</source>
        <translation>Export mapping memory</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="340"/>
        <location filename="../../ui/pages/dictionary_institution.py" line="360"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="353"/>
        <source>매핑 기억 {n}건을 내보냈습니다: {path}</source>
        <translation>Exported {n} mapping memory entries: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="360"/>
        <source>매핑 기억 가져오기</source>
        <translation>Import mapping memory</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_institution.py" line="373"/>
        <source>매핑 기억 {n}건을 가져왔습니다. 제안에 쓰려면 매핑 검토에서 제안 만들기를 다시 하세요.</source>
        <translation>Imported {n} mapping memory entries. To use them in suggestions, run Make suggestions again in Mapping review.</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="239"/>
        <source>로그 보기</source>
        <translation>View log</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="241"/>
        <source>로그 파일: {path}</source>
        <translation>Log file: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="264"/>
        <source>아직 기록된 로그가 없습니다.</source>
        <translation>Nothing has been logged yet.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>현황</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>스캔</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>카탈로그</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>매핑 검토</source>
        <translation>Mapping review</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>표준사전</source>
        <translation>Standard dictionary</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>공개 항목</source>
        <translation>Disclosure items</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90"/>
        <source>공개목록</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>품질진단</source>
        <translation>Quality check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>설정</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>공공데이터 목록 관리</source>
        <translation>Public Data Inventory</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>카탈로그 열기…</source>
        <translation>Open catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325"/>
        <source>끝내기</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>다시 스캔</source>
        <translation>Rescan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>부서 꾸러미 합치기…</source>
        <translation>Merge department bundles…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>검색</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>카탈로그 백업…</source>
        <translation>Back up catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <source>앱이 실행 중이어도 일관된 사본을 만듭니다 (파일 복사 대신 이 기능을 쓰세요).</source>
        <translation>Makes a consistent copy even while the app runs (use this instead of copying the file).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>카탈로그 복원…</source>
        <translation>Restore catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="334"/>
        <source>로그 보기</source>
        <translation>View log</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="335"/>
        <source>단축키</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <location filename="../../ui/main_window.py" line="527"/>
        <source>정보</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="337"/>
        <source>파일(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>보기(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>도움말(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="340"/>
        <source>도구 모음</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>카탈로그: {path}</source>
        <translation>Catalog: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <source>데이터셋 {datasets:,}개 · 컬럼 {columns:,}개</source>
        <translation>{datasets:,} datasets · {columns:,} columns</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source> · 오류 {n:,}</source>
        <translation> · {n:,} errors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="427"/>
        <source> · 없어짐 {n:,}</source>
        <translation> · {n:,} missing</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="429"/>
        <source>스캔 중… · </source>
        <translation>Scanning… · </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="449"/>
        <source>스캔이 끝난 뒤에 꾸러미를 합칠 수 있습니다.</source>
        <translation>Bundles can be merged once the scan has ended.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="453"/>
        <source>합칠 부서 꾸러미 고르기</source>
        <translation>Choose the department bundles to merge</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <source>카탈로그 꾸러미 (*.bundle *.sqlite *.db);;모든 파일 (*)</source>
        <translation>Catalog bundles (*.bundle *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="482"/>
        <source>스캔이 끝나거나 취소된 뒤에 카탈로그를 바꿀 수 있습니다.</source>
        <translation>You can switch catalogs once the scan has finished or been cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="493"/>
        <source>카탈로그를 열 수 없습니다:
{path}

{error}</source>
        <translation>Cannot open the catalog:
{path}

{error}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="529"/>
        <source>공공데이터 목록 관리 {version}

부서 PC의 스프레드시트를 읽기만 하여 목록을 만들고 공통표준에 맞춥니다. 인터넷 없이 동작합니다.

카탈로그: {path}
PySide6 {qt}</source>
        <translation>Public Data Inventory {version}

Builds the data inventory from the spreadsheets on department PCs (read only) and aligns it with the common standard. Works without the internet.

Catalog: {path}
PySide6 {qt}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="567"/>
        <source>스캔 중</source>
        <translation>Scan in progress</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="569"/>
        <source>스캔이 진행 중입니다. 취소하고 끝낼까요? (끝난 파일까지는 저장되어 있습니다)</source>
        <translation>A scan is in progress. Cancel it and quit? (Files finished so far are saved.)</translation>
    </message>
</context>
<context>
    <name>MappingActions</name>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="71"/>
        <source>되돌리기</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="74"/>
        <source>다시 실행</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="76"/>
        <source>일괄 수락…</source>
        <translation>Bulk accept…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="113"/>
        <source>수락</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="115"/>
        <source>아래 목록에서 고른 후보(기본: 1순위)를 수락합니다. 표에서 Enter: 1순위 수락</source>
        <translation>Accepts the candidate selected below (the top one by default). Enter in the table accepts the top candidate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="119"/>
        <source>거부</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="121"/>
        <source>고른 후보가 이 컬럼에 맞지 않습니다. 표에서 Delete: 1순위 거부</source>
        <translation>The selected candidate does not fit this column. Delete in the table rejects the top candidate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="124"/>
        <source>다른 후보 선택…</source>
        <translation>Choose another…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="126"/>
        <source>다른 후보나 사전의 다른 용어를 골라 수락합니다</source>
        <translation>Accept another candidate or any other term from the dictionary</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="129"/>
        <source>새 용어 제안…</source>
        <translation>Propose new term…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="131"/>
        <source>맞는 용어가 없으면 새 용어를 기관표준 검토 대기열에 올립니다</source>
        <translation>If no term fits, add a new term to the institution standard&apos;s review queue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="134"/>
        <source>결정 지우기</source>
        <translation>Clear decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="134"/>
        <source>이 컬럼의 결정을 지웁니다 (미결정)</source>
        <translation>Clears this column&apos;s decision (undecided)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="149"/>
        <source>이 점수 이상인 1순위 후보를 한 번에 수락합니다</source>
        <translation>Top candidates with at least this score are accepted in one go</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="151"/>
        <source>점수 이상 일괄 수락…</source>
        <translation>Bulk accept by score…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="153"/>
        <source>미결정 컬럼 중 1순위 점수가 기준 이상인 것을 모두 수락합니다 (Ctrl+B)</source>
        <translation>Accepts every undecided column whose top score meets the threshold (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="167"/>
        <source>기준</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="225"/>
        <source>되돌림: {what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="233"/>
        <source>다시 실행: {what}</source>
        <translation>Redone: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="239"/>
        <source>먼저 표에서 컬럼을 고르세요.</source>
        <translation>Select a column in the table first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="249"/>
        <source>낮은 점수 후보</source>
        <translation>Low-scoring candidate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="251"/>
        <source>&apos;{label}&apos; → &apos;{term}&apos;의 점수는 {score:.2f}로 기준 {below:.2f}보다 낮습니다 (추측에 가까운 후보). 그래도 수락할까요?
기준은 설정에서 바꿀 수 있습니다.</source>
        <translation>&apos;{label}&apos; → &apos;{term}&apos; scores {score:.2f}, below the threshold {below:.2f} (close to a guess). Accept anyway?
The threshold is set on the Settings page.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="260"/>
        <source>수락하지 않았습니다: {t}</source>
        <translation>Not accepted: {t}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="263"/>
        <source>이미 수락한 용어입니다: {t}</source>
        <translation>This term is already accepted: {t}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="272"/>
        <source>교차표의 구분 열은 매핑하지 않습니다 (준수율에서 제외).</source>
        <translation>Row-label columns of cross tables are not mapped (excluded from the compliance rate).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="274"/>
        <source>후보가 없습니다. &apos;다른 후보 선택…&apos;이나 &apos;새 용어 제안…&apos;을 쓰세요.</source>
        <translation>No candidates. Use &apos;Choose another…&apos; or &apos;Propose new term…&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="356"/>
        <source>지금 필터로 보이는 컬럼 {n:,}개 중</source>
        <translation>Of the {n:,} columns the filter shows,</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="358"/>
        <source>모든 컬럼 중</source>
        <translation>Of all columns,</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="363"/>
        <source>{scope} 1순위 점수가 {t:.2f} 이상인 미결정 컬럼이 없습니다.</source>
        <translation>{scope} no undecided column has a top score of {t:.2f} or more.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="370"/>
        <source>일괄 수락</source>
        <translation>Bulk accept</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="372"/>
        <source>{scope} 1순위 점수가 {t:.2f} 이상인 미결정 컬럼 {n:,}개의 1순위 후보를 수락할까요?
되돌리기(Ctrl+Z) 한 번으로 모두 되돌릴 수 있습니다.</source>
        <translation>{scope} accept the top candidate of the {n:,} undecided columns scoring {t:.2f} or more?
One Undo (Ctrl+Z) undoes them all.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_actions.py" line="381"/>
        <source>{n:,}개 컬럼의 1순위 후보를 수락했습니다 (점수 {t:.2f} 이상).</source>
        <translation>Accepted the top candidate of {n:,} columns (score {t:.2f} or more).</translation>
    </message>
</context>
<context>
    <name>MappingDetail</name>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="65"/>
        <source>후보 (Enter: 고른 후보 수락)</source>
        <translation>Candidates (Enter accepts the selected one)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="68"/>
        <source>순위</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="69"/>
        <source>용어</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="70"/>
        <source>영문약어</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="71"/>
        <source>도메인</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="72"/>
        <source>점수</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="73"/>
        <source>근거</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="85"/>
        <source>현재 결정</source>
        <translation>Current decision</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="88"/>
        <source>새 용어 제안</source>
        <translation>New term proposal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="92"/>
        <location filename="../../ui/pages/mapping_detail.py" line="206"/>
        <source>표준 점검</source>
        <translation>Standard checks</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="104"/>
        <source>{term} (거부함)</source>
        <translation>{term} (rejected)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="113"/>
        <source>컬럼을 고르면 후보와 점검 결과가 여기에 나옵니다.</source>
        <translation>Select a column to see its candidates and check results here.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="123"/>
        <source>&apos;{label}&apos; — {dataset} › {sheet}</source>
        <translation>&apos;{label}&apos; — {dataset} › {sheet}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="158"/>
        <source>종류 {kind}</source>
        <translation>Type: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="160"/>
        <source>정리한 이름 {name}</source>
        <translation>Cleaned name: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="162"/>
        <source>형식 {type}</source>
        <translation>Data type: {type}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="164"/>
        <source>최대 {n}바이트</source>
        <translation>Max {n} bytes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="166"/>
        <source>개인정보 {kind}</source>
        <translation>Personal data: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="170"/>
        <source>값 예: {values}</source>
        <translation>Sample values: {values}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="175"/>
        <source>아직 결정하지 않았습니다.</source>
        <translation>No decision yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="181"/>
        <source> — 검토 대기 {n}번</source>
        <translation> — pending review no. {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="183"/>
        <source>{what}
{who} · {when}</source>
        <translation>{what}
{who} · {when}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="191"/>
        <source>표준에 없는 단어: {words} (단어: {all})</source>
        <translation>Words not in the standard: {words} (words: {all})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="195"/>
        <source>{name} ({abbr}, {domain}) — 단어 {words}</source>
        <translation>{name} ({abbr}, {domain}) — words {words}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="207"/>
        <source>교차표의 구분 열이라 점검과 준수율에서 뺍니다.</source>
        <translation>A row-label column of a cross table: left out of the checks and the compliance rate.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="211"/>
        <source>표준 점검 — 미준수</source>
        <translation>Standard checks — not compliant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="211"/>
        <source>표준 점검 — 준수</source>
        <translation>Standard checks — compliant</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="214"/>
        <source>점검에서 찾은 문제가 없습니다.</source>
        <translation>The checks found no problems.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_detail.py" line="219"/>
        <source> → {s}</source>
        <translation> → {s}</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="49"/>
        <source>매핑 검토</source>
        <translation>Mapping review</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="116"/>
        <source>표준 준수율</source>
        <translation>Standard compliance rate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="126"/>
        <source>계산하는 중…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="136"/>
        <source>%v / %m 파일</source>
        <translation>%v / %m files</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="143"/>
        <source>제안 만들기</source>
        <translation>Suggest terms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="146"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="152"/>
        <source>준수 컬럼 = 표준용어에 매핑되고(수락했거나 이름이 용어와 같음) 점검 오류가 없는 컬럼. 교차표의 구분 열은 점검하지 않습니다.</source>
        <translation>Compliant column = mapped to a standard term (accepted, or named exactly like the term) with no check errors. Row-label columns of cross tables are not checked.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="221"/>
        <source>스캔한 컬럼이 없습니다. 먼저 스캔하세요.</source>
        <translation>No scanned columns. Run a scan first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="223"/>
        <source>컬럼 {n:,}개</source>
        <translation>{n:,} columns</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="225"/>
        <source> · 제안이 없는 컬럼 {n:,}개 (&apos;제안 만들기&apos;)</source>
        <translation> · {n:,} columns without suggestions (&apos;Suggest terms&apos;)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="234"/>
        <source>필터에 맞는 컬럼이 없습니다. 필터를 바꿔 보세요.</source>
        <translation>No column matches the filter. Try another filter.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="237"/>
        <source>스캔한 컬럼 {n:,}개에 아직 표준용어 제안이 없습니다. 위의 [제안 만들기]를 누르면 컬럼마다 후보가 만들어지고 여기에 나옵니다.</source>
        <translation>{n:,} scanned columns have no standard-term suggestions yet. Press [Make suggestions] above: candidates are made for every column and appear here.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="242"/>
        <source>아직 스캔한 컬럼이 없습니다. [스캔]에서 폴더를 스캔하면 컬럼마다 표준용어 제안이 함께 만들어집니다.</source>
        <translation>No columns scanned yet. Scan a folder on the [Scan] page: every column gets its standard-term suggestions with it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="258"/>
        <source>결정을 바꾸면 잠시 뒤 다시 계산</source>
        <translation>Recalculated shortly after a decision changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="262"/>
        <location filename="../../ui/pages/mapping_page.py" line="293"/>
        <source>다시 계산합니다…</source>
        <translation>Recalculating…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="300"/>
        <source>준수율을 계산하지 못했습니다: {e}</source>
        <translation>Could not calculate the compliance rate: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="315"/>
        <source>표준사전과 매칭기를 준비하는 중…</source>
        <translation>Preparing the standard dictionary and the matcher…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="338"/>
        <source>취소하는 중… (지금 파일을 마치고 멈춥니다)</source>
        <translation>Cancelling… (stops after the current file)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="350"/>
        <source>취소했습니다. 끝난 파일의 제안은 저장되어 있습니다.</source>
        <translation>Cancelled. Suggestions for finished files are saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="359"/>
        <source>컬럼 {n:,}개에 제안을 만들었습니다: {kinds}</source>
        <translation>Suggested terms for {n:,} columns: {kinds}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="370"/>
        <source>제안 만들기가 중단되었습니다: {e}</source>
        <translation>Suggesting terms stopped: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="372"/>
        <source>제안을 만드는 중 오류가 났습니다:
{e}</source>
        <translation>An error occurred while suggesting terms:
{e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="392"/>
        <source>스캔이 끝난 뒤에 만들 수 있습니다</source>
        <translation>Available once the scan has finished</translation>
    </message>
    <message>
        <location filename="../../ui/pages/mapping_page.py" line="394"/>
        <source>모든 컬럼에 표준용어 후보를 만듭니다 (결정은 그대로 둡니다)</source>
        <translation>Suggests standard terms for every column (decisions are kept)</translation>
    </message>
</context>
<context>
    <name>MatchTableModel</name>
    <message>
        <location filename="../../ui/mapping_model.py" line="53"/>
        <source>파일</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="54"/>
        <source>시트</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="55"/>
        <source>컬럼</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="56"/>
        <source>종류</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="57"/>
        <source>1순위 용어</source>
        <translation>Top term</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="58"/>
        <source>점수</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="59"/>
        <source>결정</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="60"/>
        <source>점검 코드</source>
        <translation>Check codes</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="148"/>
        <source>제외</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="151"/>
        <source>준수</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="179"/>
        <source>표준 점검에서 나온 코드: 오류, 괄호 안은 경고 (예: T1 F1 (D2)). &apos;준수&apos;는 표준용어에 매핑되고 오류가 없는 컬럼입니다.</source>
        <translation>Codes from the standard checks: errors, with warnings in brackets (e.g. T1 F1 (D2)). &apos;Compliant&apos; means the column is mapped to a standard term and has no errors.</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="183"/>
        <source>1순위 후보의 점수 (0–1). 추측(오타·값만 보고)은 0.8에 못 미칩니다.</source>
        <translation>Score of the top candidate (0–1). Guesses (typos, values only) stay below 0.8.</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_model.py" line="226"/>
        <source>{what} — {who}</source>
        <translation>{what} — {who}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/bundle_merge.py" line="79"/>
        <source>부서 꾸러미 합치기</source>
        <translation>Merge department bundles</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="86"/>
        <source>꾸러미 {n}개를 합칩니다…</source>
        <translation>Merging {n} bundles…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="93"/>
        <source>결과</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="93"/>
        <source>꾸러미</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="93"/>
        <source>내용</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="93"/>
        <source>부서</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="99"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="103"/>
        <source>닫기</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="126"/>
        <source>취소하는 중… (지금 꾸러미를 마치고 멈춥니다)</source>
        <translation>Cancelling… (stops after the current bundle)</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="138"/>
        <source>{done} / {total} — {name}</source>
        <translation>{done} / {total} — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="151"/>
        <source>합치지 못했습니다: {error}</source>
        <translation>The merge failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="160"/>
        <source>합침 {merged}, 합치지 못함 {problems}, 충돌·확인 {conflicts}건</source>
        <translation>Merged {merged}, not merged {problems}, conflicts and notes {conflicts}</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="164"/>
        <source> — 취소: 남은 꾸러미 {n}개는 합치지 않았습니다.</source>
        <translation> — cancelled: the {n} remaining bundles were not merged.</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="175"/>
        <source>합침</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="176"/>
        <source>건너뜀</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="177"/>
        <source>충돌 — 합치지 않음</source>
        <translation>Conflict — not merged</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="178"/>
        <source>실패</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="183"/>
        <source>데이터셋 {d}개, 컬럼 {c}개</source>
        <translation>{d} datasets, {c} columns</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="188"/>
        <source>충돌</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_merge.py" line="188"/>
        <source>확인</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="57"/>
        <source>저장하지 않은 변경</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="58"/>
        <source>공개 항목에 저장하지 않은 변경이 있습니다. 저장할까요?</source>
        <translation>The disclosure fields have unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="59"/>
        <location filename="../../ui/pages/metadata_widgets.py" line="355"/>
        <source>저장</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="60"/>
        <source>저장 안 함</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="61"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="120"/>
        <source>데이터셋 항목</source>
        <translation>Dataset fields</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="131"/>
        <source>컬럼 공개 설정</source>
        <translation>Column disclosure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="134"/>
        <source>개인정보가 든 컬럼은 스캔 결과로 비공개(9-6)가 제안됩니다. 비워 두면 제안이나 데이터셋의 공개여부를 따릅니다.</source>
        <translation>Columns with personal data are suggested as withheld (9-6) from the scan. Left empty, a column follows the suggestion or the dataset&apos;s disclosure status.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="209"/>
        <source>데이터셋을 고르면 공개 항목이 여기에 나옵니다.</source>
        <translation>Select a dataset to see its disclosure fields here.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="241"/>
        <source>불러오는 중…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="267"/>
        <source>공개 항목을 불러오지 못했습니다: {msg}</source>
        <translation>Could not load the disclosure fields: {msg}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="309"/>
        <source>없어진 파일이라 공개 항목을 입력할 수 없습니다 (다시 스캔하세요).</source>
        <translation>The file is missing, so its disclosure fields cannot be edited (rescan).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="378"/>
        <source>저장하지 않은 변경을 버리고 불러온 값으로</source>
        <translation>Discard unsaved changes and go back to the loaded values</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="380"/>
        <source>마지막 저장을 되돌립니다</source>
        <translation>Undoes the last save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="415"/>
        <source>저장하지 못했습니다: {msg}</source>
        <translation>Could not save: {msg}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_form.py" line="460"/>
        <source>되돌리지 못했습니다: {msg}</source>
        <translation>Could not undo: {msg}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="94"/>
        <source>{value} (허용되지 않은 값)</source>
        <translation>{value} (not an allowed value)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="101"/>
        <source>설정</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="101"/>
        <source>스캔</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="101"/>
        <source>입력</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="125"/>
        <source>경고</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="125"/>
        <source>차단</source>
        <translation>Blocking</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="154"/>
        <source>필수 항목</source>
        <translation>Required fields</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="165"/>
        <location filename="../../ui/pages/metadata_widgets.py" line="217"/>
        <source>대분류 또는 &apos;대분류 - 중분류&apos;</source>
        <translation>Category, or &apos;category - subcategory&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="206"/>
        <source>{source}: {value}</source>
        <translation>{source}: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="211"/>
        <source>비워 두면 {source}에서 정한 값 &apos;{value}&apos;을(를) 씁니다.</source>
        <translation>If left empty, &apos;{value}&apos; from {source} is used.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="219"/>
        <source>(자동: {value})</source>
        <translation>(auto: {value})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="228"/>
        <source>예: 02-2148-1234</source>
        <translation>e.g. 02-2148-1234</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="349"/>
        <source>● 저장하지 않은 변경</source>
        <translation>● Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="353"/>
        <source>되돌리기</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="357"/>
        <source>바꾼 항목만 저장합니다 (Ctrl+S)</source>
        <translation>Saves only the changed fields (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="364"/>
        <source>차단 {errors}건 · 경고 {warnings}건</source>
        <translation>{errors} blocking · {warnings} warnings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="369"/>
        <source>목록포함여부가 N이라 공개목록에서 빠지고 검사하지 않습니다.</source>
        <translation>&apos;Include in list&apos; is N, so the dataset is left out of the disclosure list and not checked.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="372"/>
        <source>기관 설정 문제 {n}건은 공개목록 › 기관 설정에서 고치세요.</source>
        <translation>Fix the {n} institution settings problems under Disclosure › Institution settings.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_widgets.py" line="377"/>
        <source>비워 둔 항목은 스캔·설정에서 정한 값(흐린 글씨)을 씁니다.</source>
        <translation>Empty fields use the values from the scan or the settings (shown in grey).</translation>
    </message>
</context>
<context>
    <name>MetadataGrid</name>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="152"/>
        <source>파일 이름·경로로 찾기</source>
        <translation>Find by file name or path</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="158"/>
        <location filename="../../ui/pages/metadata_grid.py" line="263"/>
        <source>부서: 전체</source>
        <translation>Department: all</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="161"/>
        <source>필수 항목이 빈 행만</source>
        <translation>Only rows with an empty required field</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="165"/>
        <location filename="../../ui/pages/metadata_grid.py" line="210"/>
        <location filename="../../ui/pages/metadata_grid.py" line="359"/>
        <source>아래로 채우기</source>
        <translation>Fill down</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="166"/>
        <source>고른 칸들에 맨 위 행의 값을 채웁니다 (Ctrl+D)</source>
        <translation>Fill the selected cells with the top row&apos;s value (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="169"/>
        <location filename="../../ui/pages/metadata_grid.py" line="212"/>
        <source>되돌리기</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="170"/>
        <location filename="../../ui/pages/metadata_grid.py" line="213"/>
        <source>다시 실행</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="171"/>
        <location filename="../../ui/pages/metadata_grid.py" line="214"/>
        <source>저장</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="173"/>
        <source>바꾼 칸을 한 번에 저장합니다 (Ctrl+S)</source>
        <translation>Save every changed cell at once (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="175"/>
        <source>저장 되돌리기</source>
        <translation>Undo save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="176"/>
        <source>이 표에서 한 마지막 저장을 통째로 되돌립니다</source>
        <translation>Undo the last save made in this grid, as a whole</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="178"/>
        <source>다시 불러오기</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="190"/>
        <source>표를 열면 모든 데이터셋의 공개 항목을 불러옵니다.</source>
        <translation>Opening the grid loads the disclosure items of every dataset.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="209"/>
        <location filename="../../ui/pages/metadata_grid.py" line="354"/>
        <source>붙여넣기</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="211"/>
        <location filename="../../ui/pages/metadata_grid.py" line="363"/>
        <source>지우기</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="234"/>
        <source>저장하지 않은 변경</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="235"/>
        <source>저장하지 않은 칸이 있습니다. 버리고 다시 불러올까요?</source>
        <translation>Some cells are not saved. Discard them and reload?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="241"/>
        <source>공개 항목을 불러오는 중…</source>
        <translation>Loading the disclosure items…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="271"/>
        <source>데이터셋 {n:,}개. 흐린 글씨는 스캔·설정에서 정한 값입니다. 엑셀에서 복사한 칸을 붙여 넣을 수 있습니다 (Ctrl+V).</source>
        <translation>{n:,} datasets. Grey values come from the scan or the settings. You can paste cells copied from Excel (Ctrl+V).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="279"/>
        <source>불러오지 못했습니다: {e}</source>
        <translation>Could not load: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="320"/>
        <source>{what}: 칸 {n}개 ({fields})</source>
        <translation>{what}: {n} cells ({fields})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="379"/>
        <source>저장하는 중…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="389"/>
        <source>저장했습니다: 데이터셋 {d:,}개, 값 {v:,}개 (한 번에 되돌릴 수 있습니다).</source>
        <translation>Saved: {d:,} datasets, {v:,} values (can be undone at once).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="398"/>
        <source>저장하지 못했습니다: {e}</source>
        <translation>Could not save: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="399"/>
        <source>저장하지 못했습니다:
{e}</source>
        <translation>Could not save:
{e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_grid.py" line="420"/>
        <source>마지막 저장을 되돌렸습니다.</source>
        <translation>Undid the last save.</translation>
    </message>
</context>
<context>
    <name>MetadataPage</name>
    <message>
        <location filename="../../ui/pages/metadata_page.py" line="37"/>
        <source>공개 항목</source>
        <translation>Disclosure items</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_page.py" line="41"/>
        <source>데이터셋별 입력</source>
        <translation>One dataset</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_page.py" line="44"/>
        <source>여러 데이터셋 한 번에 (표)</source>
        <translation>Many datasets (grid)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_page.py" line="60"/>
        <source>파일 이름·폴더로 찾기</source>
        <translation>Find by file name or folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_page.py" line="68"/>
        <source>필수 항목 미입력만</source>
        <translation>Only missing required fields</translation>
    </message>
    <message>
        <location filename="../../ui/pages/metadata_page.py" line="70"/>
        <source>분류체계·업데이트 주기·차기 등록 예정일·키워드·설명 중 빈 것이 있는 파일</source>
        <translation>Files with an empty category, update cycle, next registration date, keywords or description</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="50"/>
        <source>현황</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="67"/>
        <source>데이터셋</source>
        <translation>Datasets</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="68"/>
        <source>컬럼</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="69"/>
        <source>개인정보 컬럼</source>
        <translation>Personal-data columns</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="70"/>
        <source>마지막 스캔</source>
        <translation>Last scan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="71"/>
        <source>가장 가까운 기한</source>
        <translation>Nearest deadline</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="85"/>
        <location filename="../../ui/pages/overview_page.py" line="89"/>
        <source>계산 중…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="94"/>
        <source>아직 스캔한 파일이 없습니다</source>
        <translation>No files scanned yet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="95"/>
        <source>개인정보로 보이는 컬럼이 없습니다</source>
        <translation>No columns look like personal data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="96"/>
        <source>부서별 표준 준수율</source>
        <translation>Standard compliance rate by department</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="110"/>
        <source>연도별 표준 준수율</source>
        <translation>Standard compliance rate by year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="111"/>
        <source>공개여부·개인정보별 데이터셋</source>
        <translation>Datasets by disclosure status and personal data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="112"/>
        <source>자주 나오는 비표준 단어</source>
        <translation>Most frequent non-standard words</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="113"/>
        <source>상태별 데이터셋</source>
        <translation>Datasets by status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="114"/>
        <source>개인정보 종류별 컬럼</source>
        <translation>Columns by kind of personal data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="133"/>
        <source>최근 스캔 오류</source>
        <translation>Recent scan errors</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="136"/>
        <source>시각</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="137"/>
        <source>파일</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="138"/>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="152"/>
        <source>처음 사용하시나요? 세 단계로 공개목록을 만듭니다</source>
        <translation>New here? Build the disclosure list in three steps</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="157"/>
        <source>폴더 스캔</source>
        <translation>Scan folders</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="158"/>
        <source>부서 공유폴더의 엑셀·CSV 파일을 읽어 표와 컬럼 정보를 모읍니다.</source>
        <translation>Reads the Excel and CSV files in department shared folders and collects their tables and columns.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="159"/>
        <source>폴더 스캔하기</source>
        <translation>Scan folders</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="163"/>
        <source>표준 매핑 검토</source>
        <translation>Review standard mapping</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="164"/>
        <source>컬럼마다 제안된 공통표준 용어를 보고 수락하거나 고칩니다.</source>
        <translation>Check the common-standard term suggested for each column, then accept or correct it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="165"/>
        <source>매핑 검토하기</source>
        <translation>Review mapping</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="169"/>
        <source>공개목록 내보내기</source>
        <translation>Export the disclosure list</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="170"/>
        <source>기관 정보와 항목을 채우고 점검한 뒤 목록·정의서를 파일로 냅니다.</source>
        <translation>Fill in the institution details and fields, validate, then export the inventory and definitions.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="171"/>
        <source>공개목록 열기</source>
        <translation>Open Disclosure</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="220"/>
        <location filename="../../ui/pages/overview_page.py" line="351"/>
        <source>없음</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="257"/>
        <source>계산하지 못했습니다: {e}</source>
        <translation>Could not calculate: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="271"/>
        <source>점검할 컬럼이 없습니다</source>
        <translation>No columns to check</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="280"/>
        <source>부서별 표준 준수율 (전체 {rate:.1f}%)</source>
        <translation>Standard compliance rate by department (overall {rate:.1f}%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="283"/>
        <source>부서별 표준 준수율 (믿을 수 없음: 제안이 없는 컬럼 {n:,}개)</source>
        <translation>Standard compliance rate by department (not reliable: {n:,} columns without suggestions)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="290"/>
        <source>자체 산출 — 공식 수준평가 점수가 아닙니다</source>
        <translation>Calculated by this app — not an official quality assessment score</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="296"/>
        <source>스냅샷이 쌓이면 연도별 추이가 나옵니다</source>
        <translation>The yearly trend appears once snapshots accumulate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="300"/>
        <source>{year}년</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="301"/>
        <source> (현재)</source>
        <translation> (current)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="313"/>
        <source>공개</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="314"/>
        <source>부분공개</source>
        <translation>Partly open</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="315"/>
        <source>비공개</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="316"/>
        <source>미입력</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="321"/>
        <source>개인정보 포함</source>
        <translation>Contains personal data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="323"/>
        <source>목록에 넣을 데이터셋이 없습니다</source>
        <translation>No datasets to list</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="325"/>
        <source>비표준 단어가 없습니다</source>
        <translation>No non-standard words</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="334"/>
        <source>단어</source>
        <translation>Word</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="334"/>
        <source>도메인</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="334"/>
        <source>용어</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="352"/>
        <source>다가오는 등록 기한이 없습니다</source>
        <translation>No registration deadline coming up</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="357"/>
        <source>{n}일 지남</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="359"/>
        <source>오늘까지</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="361"/>
        <source>D-{n}</source>
        <translation>D-{n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="367"/>
        <source>… 외 {n}건</source>
        <translation>… and {n} more</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="37"/>
        <source>개인정보 판정</source>
        <translation>Personal-data verdict</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="40"/>
        <source>컬럼 &apos;{label}&apos;</source>
        <translation>Column &apos;{label}&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="44"/>
        <source>판정 없음</source>
        <translation>No verdict</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="53"/>
        <source>개인정보임 (값을 가리고 공개목록에서 닫음)</source>
        <translation>Personal data (values masked, closed in the disclosure lists)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="54"/>
        <source>개인정보 아님 (예: 기관·업소 대표번호)</source>
        <translation>Not personal data (e.g. an organisation&apos;s or business&apos;s main number)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="55"/>
        <source>스캔 판정으로 되돌림 (담당자 판정 지움)</source>
        <translation>Back to the scan&apos;s verdict (remove the override)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="73"/>
        <source>종류</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="74"/>
        <source>준식별자 (다른 컬럼과 합치면 사람을 좁힘)</source>
        <translation>Quasi-identifier (narrows people down with other columns)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="77"/>
        <source>민감정보 (건강·장애·병력·범죄·종교·정당)</source>
        <translation>Sensitive (health, disability, medical history, crime, religion, party)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="82"/>
        <source>이유 (기록에 남습니다)</source>
        <translation>Reason (recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="84"/>
        <source>예: 업소 목록의 대표번호라 공개 대상입니다.</source>
        <translation>E.g. the main number of a business list, fit for publication.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="135"/>
        <source>개인정보</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="137"/>
        <source>준식별자</source>
        <translation>quasi-identifier</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="139"/>
        <source>개인정보 아님</source>
        <translation>not personal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="141"/>
        <source>민감정보</source>
        <translation>sensitive</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy_dialog.py" line="143"/>
        <source>담당자 판정</source>
        <translation>clerk&apos;s verdict</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../ui/pages/problem_list.py" line="51"/>
        <source>데이터셋 · 항목</source>
        <translation>Dataset · field</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_list.py" line="52"/>
        <source>구분</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_list.py" line="53"/>
        <source>코드</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_list.py" line="54"/>
        <source>컬럼</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_list.py" line="55"/>
        <source>내용</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_list.py" line="65"/>
        <source>기관 설정</source>
        <translation>Institution settings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_list.py" line="120"/>
        <source>차단 {e} · 경고 {w}</source>
        <translation>{e} blocking · {w} warnings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_list.py" line="136"/>
        <source>경고</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_list.py" line="136"/>
        <source>차단</source>
        <translation>Blocking</translation>
    </message>
</context>
<context>
    <name>ProblemNavigator</name>
    <message>
        <location filename="../../ui/pages/problem_nav.py" line="40"/>
        <source>◀ 이전 문제</source>
        <translation>◀ Previous problem</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_nav.py" line="41"/>
        <source>점검 결과의 앞 문제로 갑니다 (Alt+Left)</source>
        <translation>Go to the previous problem of the check (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_nav.py" line="44"/>
        <source>다음 문제 ▶</source>
        <translation>Next problem ▶</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_nav.py" line="45"/>
        <source>점검 결과의 다음 문제로 갑니다 (Alt+Right)</source>
        <translation>Go to the next problem of the check (Alt+Right)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_nav.py" line="74"/>
        <source>남은 문제가 없습니다.</source>
        <translation>No problems left.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/problem_nav.py" line="78"/>
        <source>문제 {i} / {n} · {code} {label}: {message}</source>
        <translation>Problem {i} / {n} · {code} {label}: {message}</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="43"/>
        <source>품질진단</source>
        <translation>Quality check</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="57"/>
        <source>데이터셋</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="58"/>
        <source>규칙별</source>
        <translation>By rule</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="59"/>
        <source>업무 규칙</source>
        <translation>Business rules</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="60"/>
        <source>조치 이력</source>
        <translation>Fix log</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="73"/>
        <source>기관 오류율 (앱 자체 산출)</source>
        <translation>Institution error rate (computed by this app)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="82"/>
        <source>아직 진단하지 않았습니다.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="93"/>
        <source>%v / %m 파일</source>
        <translation>%v / %m files</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="102"/>
        <source>진단 실행</source>
        <translation>Run check</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="105"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="107"/>
        <source>보고서 내보내기…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="150"/>
        <source>아직 진단하지 않았습니다. [진단 실행]을 누르세요.</source>
        <translation>Not checked yet. Press [Run check].</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="157"/>
        <source>최근 진단 #{id} {at} ({who}) · 제공표준 파일 {n}개</source>
        <translation>Last check #{id} {at} ({who}) · {n} files following a provision standard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="172"/>
        <source>진단 결과를 읽지 못했습니다: {e}</source>
        <translation>Could not read the check results: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="178"/>
        <source>엑셀 (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="178"/>
        <source>품질진단 보고서</source>
        <translation>Quality check report</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="190"/>
        <source>보고서를 썼습니다:
{path}</source>
        <translation>Report written:
{path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="193"/>
        <source>보고서를 쓰지 못했습니다:
{e}</source>
        <translation>Could not write the report:
{e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="214"/>
        <source>표준용어 제안 없음</source>
        <translation>No standard term suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="216"/>
        <source>표준용어 제안이 없는 컬럼이 {n:,}개 있어 도메인 규칙을 믿을 수 없습니다. [매핑 검토]에서 제안 만들기를 먼저 실행하는 것이 좋습니다. 그래도 진단할까요?</source>
        <translation>{n:,} columns have no standard term suggestion, so the domain rules cannot be trusted. Better run Make suggestions in [Mapping review] first. Check anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="224"/>
        <source>진단을 준비하는 중…</source>
        <translation>Preparing the check…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="238"/>
        <source>취소했습니다.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="246"/>
        <source>취소하는 중… (읽던 파일에서 멈춥니다)</source>
        <translation>Cancelling… (stops in the file being read)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="260"/>
        <source>취소했습니다. 끝난 데이터셋의 결과는 저장되어 있습니다.</source>
        <translation>Cancelled. The results of the datasets already checked are saved.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="264"/>
        <source>데이터셋 {n:,}개를 진단했습니다.</source>
        <translation>Checked {n:,} datasets.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="266"/>
        <source> 읽지 못한 파일 {n:,}개.</source>
        <translation> {n:,} files could not be read.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="268"/>
        <source> 실행하지 못한 규칙 {n:,}개.</source>
        <translation> {n:,} rules could not run.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="276"/>
        <source>진단이 중단되었습니다: {e}</source>
        <translation>The check stopped: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="277"/>
        <source>진단하는 중 오류가 났습니다:
{e}</source>
        <translation>An error occurred during the check:
{e}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="292"/>
        <source>스캔이 끝난 뒤에 진단할 수 있습니다</source>
        <translation>You can check once the scan has finished</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_page.py" line="294"/>
        <source>모든 파일을 다시 읽어 값마다 규칙을 점검합니다 (원본은 읽기만 합니다)</source>
        <translation>Reads every file again and checks every value against the rules (the originals are only read)</translation>
    </message>
</context>
<context>
    <name>RegisteredImportDialog</name>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="38"/>
        <source>등록 목록 가져오기</source>
        <translation>Import registered list</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="44"/>
        <source>공공데이터포털에 등록된 목록을 가져옵니다. 아래 연결을 확인하세요. 아직 아무것도 바꾸지 않았습니다 — [가져오기]를 눌러야 저장됩니다. &apos;확인 필요&apos;는 체크한 것만 연결합니다.</source>
        <translation>Imports the list registered on the Public Data Portal. Check the links below. Nothing has been changed yet — it is saved only when you press [Import]. Of the entries marked &apos;to check&apos;, only the ticked ones are linked.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="57"/>
        <source>연결</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="58"/>
        <source>행</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="59"/>
        <location filename="../../ui/pages/registered_dialog.py" line="84"/>
        <source>목록키</source>
        <translation>List key</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="60"/>
        <location filename="../../ui/pages/registered_dialog.py" line="86"/>
        <source>목록명</source>
        <translation>List name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="61"/>
        <source>연결할 파일</source>
        <translation>File to link</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="62"/>
        <source>방법</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="76"/>
        <source>가져오기</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="77"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="85"/>
        <source>이전 연결</source>
        <translation>Earlier link</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="87"/>
        <source>목록명+파일데이터명</source>
        <translation>List name + file data name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="88"/>
        <source>확인 필요 (비슷함 {score}%)</source>
        <translation>To check ({score}% similar)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="89"/>
        <source>파일 없음 (제외 후보)</source>
        <translation>No file (removal candidate)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registered_dialog.py" line="99"/>
        <source>체크하면 이 파일에 연결합니다</source>
        <translation>Tick to link it to this file</translation>
    </message>
</context>
<context>
    <name>ReidentPanel</name>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="68"/>
        <source>공개·부분공개로 둔 사람 목록마다, 공개하는 컬럼의 값이 같은 행끼리 묶은 그룹 중 가장 작은 그룹의 행 수(k)를 봅니다. k가 5보다 작으면 특정 개인을 알아볼 수 있어 내보내기가 막힙니다 (값은 보여 주지 않습니다).</source>
        <translation>For each list of people set to open or partly open, rows sharing the values of the open columns form groups; k is the size of the smallest. Below k = 5 a person can be singled out and the export is stopped (no value is shown).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="76"/>
        <source>아직 점검하지 않았습니다.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="79"/>
        <source>재식별 점검</source>
        <translation>Run check</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="82"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="86"/>
        <source>예외 승인…</source>
        <translation>Allow exception…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="88"/>
        <source>k가 5보다 작은 표를 이유를 기록하고 예외로 내보낼 수 있게 합니다</source>
        <translation>Record a reason and let a table with k below 5 be exported as an exception</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="92"/>
        <source>예외 취소</source>
        <translation>Revoke exception</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="95"/>
        <source>워크시트…</source>
        <translation>Worksheet…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="96"/>
        <source>점검 결과와 컬럼별 권장 조치를 엑셀로 저장합니다</source>
        <translation>Save the check and the advice per column as an Excel worksheet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="108"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="109"/>
        <source>데이터셋</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="110"/>
        <source>표</source>
        <translation>Tables</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="111"/>
        <source>공개여부</source>
        <translation>Openness</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="112"/>
        <source>행</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="113"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="114"/>
        <source>공개 준식별자</source>
        <translation>Open quasi-identifiers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="115"/>
        <source>설명</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="120"/>
        <source>두 번 누르면 그 데이터셋의 공개 항목을 엽니다</source>
        <translation>Double-click to open the dataset&apos;s disclosure fields</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="125"/>
        <source>컬럼</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="126"/>
        <source>종류</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="127"/>
        <source>이 컬럼만의 k</source>
        <translation>k of this column alone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="128"/>
        <source>빼면 k</source>
        <translation>k without it</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="129"/>
        <source>권장 기법</source>
        <translation>Technique</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="130"/>
        <source>방법</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="136"/>
        <source>그룹의 행 수</source>
        <translation>Rows in the group</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="137"/>
        <source>그룹 수</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="147"/>
        <source>컬럼별 권장 조치</source>
        <translation>Advice per column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="151"/>
        <source>5행 미만 그룹</source>
        <translation>Groups of fewer than 5 rows</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="165"/>
        <source>충족</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="166"/>
        <source>재식별 위험</source>
        <translation>Re-identification risk</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="167"/>
        <location filename="../../ui/pages/reident_panel.py" line="301"/>
        <source>예외 승인</source>
        <translation>Exception allowed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="168"/>
        <source>해당 없음</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="169"/>
        <source>점검 불가</source>
        <translation>Cannot check</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="211"/>
        <source>점검하는 중… (파일을 다시 읽습니다)</source>
        <translation>Checking… (reading the files again)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="231"/>
        <source>점검을 취소했습니다.</source>
        <translation>The check was cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="233"/>
        <source>점검하지 못했습니다: {msg}</source>
        <translation>The check failed: {msg}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="252"/>
        <source>공개·부분공개 데이터셋이 없습니다.</source>
        <translation>No dataset is open or partly open.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="255"/>
        <source>사람 목록 {n}개 중 {b}개가 재식별 위험(k &lt; 5) 또는 점검 불가입니다.</source>
        <translation>{b} of {n} lists of people risk re-identification (k &lt; 5) or cannot be checked.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="258"/>
        <source>사람 목록 {n}개 모두 내보낼 수 있습니다.</source>
        <translation>All {n} lists of people can be exported.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="303"/>
        <source>&apos;{name}&apos; 표 &apos;{sheet}&apos;은(는) k = {k}입니다. 그래도 내보내는 이유를 적으세요. 누가, 언제, 왜 승인했는지 기록되고, 공개 컬럼이 바뀌면 다시 승인해야 합니다.</source>
        <translation>&apos;{name}&apos;, table &apos;{sheet}&apos;, has k = {k}. Give the reason to export it anyway. Who allowed it, when and why are recorded; a change of its open columns needs a new approval.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="343"/>
        <source>재식별 점검 워크시트</source>
        <translation>Re-identification worksheet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reident_panel.py" line="350"/>
        <source>저장했습니다: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="35"/>
        <location filename="../../ui/pages/quality_results.py" line="48"/>
        <source>부서</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="36"/>
        <source>데이터셋</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="37"/>
        <location filename="../../ui/pages/quality_results.py" line="52"/>
        <source>점검 값</source>
        <translation>Values checked</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="38"/>
        <location filename="../../ui/pages/quality_results.py" line="53"/>
        <source>오류 값</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="40"/>
        <location filename="../../ui/pages/quality_results.py" line="50"/>
        <location filename="../../ui/pages/quality_results.py" line="66"/>
        <source>오류율</source>
        <translation>Error rate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="47"/>
        <source>파일</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="54"/>
        <source>제공표준</source>
        <translation>Provision standard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="55"/>
        <source>준수율</source>
        <translation>Conformance</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="61"/>
        <source>컬럼</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="62"/>
        <source>규칙</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="63"/>
        <source>점검</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="64"/>
        <source>오류</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="68"/>
        <source>조치</source>
        <translation>Fix</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="88"/>
        <source>부서별</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="94"/>
        <location filename="../../ui/pages/quality_results.py" line="189"/>
        <source>데이터셋별</source>
        <translation>By dataset</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="97"/>
        <source>모든 부서</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="113"/>
        <location filename="../../ui/pages/quality_results.py" line="225"/>
        <source>진단 결과</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="126"/>
        <source>조치 완료…</source>
        <translation>Fixed…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="128"/>
        <source>예외…</source>
        <translation>Exception…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="130"/>
        <source>조치 되돌리기</source>
        <translation>Undo mark</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="142"/>
        <source>읽지 못함</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="143"/>
        <source>제외</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="144"/>
        <source>건너뜀</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="157"/>
        <source>실행 못 함</source>
        <translation>Could not run</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="170"/>
        <location filename="../../ui/pages/quality_results.py" line="329"/>
        <source>예외</source>
        <translation>Exception</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="170"/>
        <location filename="../../ui/pages/quality_results.py" line="329"/>
        <source>조치 완료</source>
        <translation>Fixed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="186"/>
        <source>데이터셋별 — {department}</source>
        <translation>By dataset — {department}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="230"/>
        <source>진단 결과 — {path}</source>
        <translation>Findings — {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="241"/>
        <source>오류가 있는 규칙이 없습니다.</source>
        <translation>No rule found errors.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="254"/>
        <source>제공표준 &apos;{name}&apos; 준수율 {rate:.1f}%: {formula}</source>
        <translation>Provision standard &apos;{name}&apos; conformance {rate:.1f}%: {formula}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="260"/>
        <source>없는 항목: {items}</source>
        <translation>Missing items: {items}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="262"/>
        <source>추가 항목: {items}</source>
        <translation>Extra items: {items}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="265"/>
        <source>이름이 다른 항목: {items}</source>
        <translation>Renamed items: {items}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="268"/>
        <source>순서가 다른 항목: {items}</source>
        <translation>Items out of order: {items}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="287"/>
        <source>이 규칙은 실행하지 못했습니다: {message}</source>
        <translation>This rule could not run: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="291"/>
        <source>{column} · {rule}: {detail}</source>
        <translation>{column} · {rule}: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="297"/>
        <source>경고(참고): 오류율에 넣지 않습니다 (목록이 완전하지 않음).</source>
        <translation>Warning (for reference): not counted in the error rate (the list is incomplete).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="300"/>
        <source>오류 예 (개인정보는 가림): {samples}</source>
        <translation>Examples (personal data masked): {samples}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="307"/>
        <source>{action} — {reason} ({who}, {at}, 표시할 때 오류 {n:,}건)</source>
        <translation>{action} — {reason} ({who}, {at}, {n:,} errors when marked)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_results.py" line="334"/>
        <source>{column} · {rule} ({n:,}건)을(를) &apos;{title}&apos;(으)로 표시합니다. 사유를 적으세요.</source>
        <translation>Mark {column} · {rule} ({n:,} errors) as &apos;{title}&apos;. Give the reason.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="51"/>
        <source>담당자가 제안한 용어입니다. 승인하면 기관표준 용어가 되고, 반려할 때는 제안자가 알 수 있게 사유를 적습니다. 검토 의견은 표준 규칙 검사 결과입니다.</source>
        <translation>Terms proposed by staff. Approved terms join the institution standard; when rejecting, give a reason so the proposer knows why. Review notes are the results of the standard rule checks.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="58"/>
        <source>번호</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="59"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="60"/>
        <source>용어</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="61"/>
        <source>영문약어</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="62"/>
        <source>도메인</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="63"/>
        <source>출처</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="64"/>
        <source>제안자</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="65"/>
        <source>제안일</source>
        <translation>Proposed on</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="68"/>
        <source>검토 의견</source>
        <translation>Review notes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="80"/>
        <source>승인</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="83"/>
        <source>고쳐서 승인…</source>
        <translation>Edit and approve…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="85"/>
        <source>제안을 고친 뒤(이름·약어·도메인) 승인합니다. 고친 내용은 이력에 남습니다</source>
        <translation>Fix the proposal (name, abbreviation, domain), then approve it. The edit is recorded in the history</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="88"/>
        <source>반려…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="90"/>
        <source>처리한 제안도 보기</source>
        <translation>Show processed proposals</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="118"/>
        <source>불러오는 중…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="130"/>
        <source>검토 대기 {n}건</source>
        <translation>{n} pending review</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="141"/>
        <source>제안 승인</source>
        <translation>Approve proposal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="142"/>
        <source>&apos;{name}&apos; ({abbr}, {domain})을(를) 기관표준 용어로 승인할까요?</source>
        <translation>Approve &apos;{name}&apos; ({abbr}, {domain}) as an institution standard term?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="159"/>
        <source>표준 규칙 위반</source>
        <translation>Standard rule violation</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="160"/>
        <source>{error}

규칙에 맞지 않지만 그래도 승인할까요?</source>
        <translation>{error}

This breaks the rules. Approve anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="186"/>
        <source>제안 {n}번 고쳐서 승인</source>
        <translation>Edit and approve proposal {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="188"/>
        <source>고쳐서 승인</source>
        <translation>Edit and approve</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="208"/>
        <source>제안 반려</source>
        <translation>Reject proposal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dictionary_review.py" line="209"/>
        <source>&apos;{name}&apos;을(를) 반려하는 사유를 적어 주세요.</source>
        <translation>Give a reason for rejecting &apos;{name}&apos;.</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="56"/>
        <source>업무 규칙</source>
        <translation>Business rules</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="56"/>
        <source>업무 규칙 수정</source>
        <translation>Edit business rule</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="61"/>
        <location filename="../../ui/pages/quality_dialogs.py" line="75"/>
        <source>데이터셋</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="62"/>
        <source>표준용어 (그 용어의 컬럼이 있는 모든 데이터셋)</source>
        <translation>Standard term (every dataset with a column of that term)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="67"/>
        <source>예: 데이터기준일자</source>
        <translation>e.g. 데이터기준일자</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="73"/>
        <source>비우면 규칙 내용이 이름이 됩니다</source>
        <translation>Leave empty to name the rule by its content</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="74"/>
        <source>범위</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="76"/>
        <source>표준용어</source>
        <translation>Standard term</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="77"/>
        <source>종류</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="78"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="106"/>
        <source>컬럼 이름 또는 표준용어</source>
        <translation>Column name or standard term</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="124"/>
        <source>연산자</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="124"/>
        <source>왼쪽 컬럼</source>
        <translation>Left column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="125"/>
        <source>오른쪽 컬럼</source>
        <translation>Right column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="129"/>
        <source>조건 컬럼</source>
        <translation>Condition column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="130"/>
        <source>조건 연산자</source>
        <translation>Condition operator</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="131"/>
        <source>조건 값</source>
        <translation>Condition value</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="132"/>
        <source>요구 컬럼</source>
        <translation>Required column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="133"/>
        <source>요구 연산자</source>
        <translation>Required operator</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="134"/>
        <source>요구 값</source>
        <translation>Required value</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="137"/>
        <source>정규식</source>
        <translation>Regular expression</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="137"/>
        <location filename="../../ui/pages/quality_dialogs.py" line="140"/>
        <location filename="../../ui/pages/quality_dialogs.py" line="142"/>
        <location filename="../../ui/pages/quality_dialogs.py" line="144"/>
        <source>컬럼</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="140"/>
        <source>허용값 (쉼표로 구분)</source>
        <translation>Allowed values (comma-separated)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="142"/>
        <source>최솟값</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="143"/>
        <source>최댓값</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="250"/>
        <source>표준용어를 입력하세요.</source>
        <translation>Enter a standard term.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="252"/>
        <source>데이터셋이 없습니다. 먼저 스캔하세요.</source>
        <translation>There are no datasets. Scan first.</translation>
    </message>
</context>
<context>
    <name>RuleRatesPanel</name>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="29"/>
        <source>규칙</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="30"/>
        <source>구분</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="31"/>
        <source>컬럼 수</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="32"/>
        <source>점검 값</source>
        <translation>Values checked</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="33"/>
        <source>오류 값</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="35"/>
        <source>오류율</source>
        <translation>Error rate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="37"/>
        <source>계산식</source>
        <translation>Formula</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="45"/>
        <source>규칙마다 모든 파일에서 점검한 값과 오류 값을 더한 것입니다. 한 값이 여러 규칙에 걸리면 규칙마다 셉니다.</source>
        <translation>Values checked and errors of each rule, added over every file. A value failing several rules counts for each of them.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="53"/>
        <source>경고(참고)</source>
        <translation>Warning (for reference)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="53"/>
        <source>오류</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="66"/>
        <source>번호</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="67"/>
        <source>범위</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="68"/>
        <source>규칙</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="69"/>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="70"/>
        <source>만든 사람</source>
        <translation>Created by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="71"/>
        <source>만든 때</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="74"/>
        <source>실행할 수 없는 사유</source>
        <translation>Why it cannot run</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="85"/>
        <source>데이터셋이나 표준용어마다 업무 규칙을 더합니다: 두 컬럼 비교(인허가일자 ≤ 폐업일자), 조건(CCTV설치여부 = N ⇒ CCTV설치대수 = 0), 정규식, 허용값, 숫자 범위, 중복 불가. 실행할 수 없는 규칙은 사유를 보여 주고 다른 규칙은 그대로 진단합니다.</source>
        <translation>Add business rules per dataset or per standard term: compare two columns (인허가일자 ≤ 폐업일자), a condition (CCTV설치여부 = N ⇒ CCTV설치대수 = 0), a regular expression, allowed values, a number range, no duplicates. A rule that cannot run shows why; the other rules run as usual.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="96"/>
        <source>규칙 추가…</source>
        <translation>Add rule…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="97"/>
        <source>수정…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="98"/>
        <source>삭제</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="99"/>
        <source>되돌리기</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="110"/>
        <source>용어: {term}</source>
        <translation>Term: {term}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_tabs.py" line="111"/>
        <source>데이터셋 #{id}</source>
        <translation>Dataset #{id}</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="72"/>
        <source>스캔</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="81"/>
        <source>스캔할 폴더를 추가하세요 (탐색기에서 끌어다 놓아도 됩니다). 원본 파일은 읽기만 하고 바꾸지 않습니다. 바뀌지 않은 파일은 다시 읽지 않습니다.</source>
        <translation>Add the folders to scan (or drag them in from Explorer). Original files are only read, never changed. Unchanged files are not read again.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="93"/>
        <source>폴더 추가…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="95"/>
        <source>제거</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="104"/>
        <source>스캔 시작</source>
        <translation>Start scan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="106"/>
        <source>바뀐 파일만 다시 읽습니다 (F5)</source>
        <translation>Rereads only changed files (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="108"/>
        <source>다시 스캔 (전체)</source>
        <translation>Full rescan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="109"/>
        <source>바뀌지 않은 파일도 모두 다시 읽습니다</source>
        <translation>Rereads all files, unchanged ones included</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="111"/>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="121"/>
        <source>%v / %m 파일</source>
        <translation>%v / %m files</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="133"/>
        <source>마지막 스캔에서 읽지 못한 파일</source>
        <translation>Files the last scan could not read</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="136"/>
        <source>파일</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="137"/>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="160"/>
        <source>제안 만들기</source>
        <translation>Suggest terms</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="163"/>
        <source>매핑 검토 열기</source>
        <translation>Open Mapping review</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="165"/>
        <source>공개 항목 입력</source>
        <translation>Enter disclosure items</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="187"/>
        <source>다음 단계: 표준용어 제안이 없는 컬럼이 {n:,}개 있습니다. [제안 만들기]로 제안을 만든 뒤 매핑 검토에서 확인하세요.</source>
        <translation>Next: {n:,} columns have no standard-term suggestion. Make them with [Make suggestions], then review them in Mapping review.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="192"/>
        <source>다음 단계: 스캔한 컬럼마다 표준용어 제안이 만들어져 있습니다. [매핑 검토]에서 제안을 수락하거나 고치고, [공개 항목]에서 목록 항목을 채우세요.</source>
        <translation>Next: every scanned column has standard-term suggestions. Accept or fix them in [Mapping review], then fill in the list fields under [Disclosure items].</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="220"/>
        <source>스캔할 폴더 선택</source>
        <translation>Choose a folder to scan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="242"/>
        <source>먼저 스캔할 폴더를 추가하세요.</source>
        <translation>Add a folder to scan first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="247"/>
        <source>없는 폴더</source>
        <translation>Missing folders</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="249"/>
        <source>다음 폴더를 찾을 수 없습니다:
{folders}

계속하면 그 안에서 찾았던 파일은 &apos;없어짐&apos;으로 표시됩니다. 계속할까요?</source>
        <translation>These folders cannot be found:
{folders}

If you continue, the files found in them before are marked &apos;Missing&apos;. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="258"/>
        <source>파일을 찾는 중…</source>
        <translation>Looking for files…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="275"/>
        <source>취소하는 중… (지금 읽는 파일에서 멈춥니다)</source>
        <translation>Cancelling… (stops at the file being read)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="283"/>
        <source>파일 {n:,}개를 찾았습니다.</source>
        <translation>Found {n:,} files.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="289"/>
        <source>{name} — {status}</source>
        <translation>{name} — {status}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="314"/>
        <source>스캔이 중단되었습니다: {error}</source>
        <translation>The scan stopped: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="315"/>
        <source>스캔 중 오류가 났습니다:
{error}</source>
        <translation>An error occurred during the scan:
{error}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="345"/>
        <source>{status}: 파일 {total:,}개 — 새 파일 {new:,}, 바뀐 파일 {changed:,}, 그대로 {unchanged:,}, 실패 {failed:,}, 없어짐 {missing:,}</source>
        <translation>{status}: {total:,} files — {new:,} new, {changed:,} changed, {unchanged:,} unchanged, {failed:,} failed, {missing:,} missing</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="354"/>
        <source>아직 스캔한 적이 없습니다.</source>
        <translation>No scan has been run yet.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scan_page.py" line="364"/>
        <source>마지막 스캔 {when} · </source>
        <translation>Last scan {when} · </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="38"/>
        <source>설정</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="40"/>
        <source>카탈로그 파일</source>
        <translation>Catalog file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="44"/>
        <source>스캔 결과와 표준사전이 모두 이 파일 하나에 들어 있습니다. 백업하거나 다른 PC로 넘길 때는 이 파일을 복사하세요.</source>
        <translation>Scan results and the standard dictionary are all kept in this one file. Copy it to back up or to move to another PC.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="53"/>
        <source>다른 카탈로그 열기…</source>
        <translation>Open another catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="56"/>
        <source>기본 위치로</source>
        <translation>Use default location</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="63"/>
        <source>언어</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="76"/>
        <source>고른 언어는 바로 적용되고 다음 실행에도 유지됩니다. 스캔처럼 작업 중인 페이지와 저장하지 않은 공개 항목이 있는 페이지는 그대로 두었다가, 작업이 끝난 뒤 다시 열 때 바뀝니다.</source>
        <translation>The language applies at once and is kept for the next start. A page that is busy (a scan, for example) or has unsaved disclosure fields stays as it is and changes when you open it again after it is done.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="86"/>
        <source>매핑 검토</source>
        <translation>Mapping review</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="88"/>
        <source>이 점수보다 낮은 후보를 수락할 때 먼저 묻기</source>
        <translation>Ask before accepting a candidate scoring below</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="95"/>
        <source>0이면 묻지 않습니다. 추측(오타·값만 보고)한 후보는 0.8에 못 미칩니다.</source>
        <translation>0 never asks. Guessed candidates (a typo, values only) score under 0.8.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="104"/>
        <source>정보</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="109"/>
        <source>로그 파일</source>
        <translation>Log file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="110"/>
        <source>사용자 데이터 폴더</source>
        <translation>User data folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="111"/>
        <source>기록되는 사용자 이름</source>
        <translation>User name recorded</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="112"/>
        <source>버전</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="144"/>
        <source>카탈로그 파일 열기 또는 만들기</source>
        <translation>Open or create a catalog file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="146"/>
        <source>카탈로그 (*.db);;모든 파일 (*)</source>
        <translation>Catalog (*.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>YearDiffPanel</name>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="20"/>
        <source>[작년과 비교]를 누르면 지난해 스냅샷과 비교합니다.</source>
        <translation>Click [Compare with last year] to compare with last year&apos;s snapshot.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="23"/>
        <source>삭제</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="23"/>
        <source>추가</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="23"/>
        <location filename="../../ui/pages/year_diff.py" line="27"/>
        <source>변경</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="26"/>
        <source>구분</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="28"/>
        <location filename="../../ui/pages/year_diff.py" line="42"/>
        <source>데이터셋</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="29"/>
        <source>표</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="30"/>
        <location filename="../../ui/pages/year_diff.py" line="42"/>
        <source>컬럼</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="31"/>
        <source>항목</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="32"/>
        <source>이전 값</source>
        <translation>Previous value</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="33"/>
        <source>현재 값</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="46"/>
        <source>스냅샷</source>
        <translation>snapshot</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="46"/>
        <source>현재</source>
        <translation>current catalog</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="49"/>
        <source>{old}년 스냅샷 → {year}년({source}): 데이터셋 추가 {da} · 삭제 {dr} · 변경 {dc}, 컬럼 추가 {ca} · 삭제 {cr} · 변경 {cc}</source>
        <translation>{old} snapshot → {year} ({source}): datasets {da} added · {dr} removed · {dc} changed, columns {ca} added · {cr} removed · {cc} changed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/year_diff.py" line="57"/>
        <source>{old}년 스냅샷과 달라진 것이 없습니다.</source>
        <translation>Nothing has changed since the {old} snapshot.</translation>
    </message>
</context>
<context>
    <name>YearOutputs</name>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="27"/>
        <source>스냅샷 고정</source>
        <translation>Freeze snapshot</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="29"/>
        <source>{year}년 공개목록을 지금 상태로 고정합니다. 고정한 스냅샷은 고치거나 지울 수 없습니다. 계속할까요?</source>
        <translation>This freezes the {year} disclosure list as it is now. A frozen snapshot cannot be edited or deleted. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="41"/>
        <source>{year}년 스냅샷을 고정했습니다 (데이터셋 {n}개).</source>
        <translation>Froze the {year} snapshot ({n} datasets).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="48"/>
        <source>{year}년 스냅샷을 만드는 중…</source>
        <translation>Creating the {year} snapshot…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="69"/>
        <source>공개하는 컬럼으로 특정 개인을 알아볼 수 있는 목록(k &lt; 5)이 있어 내보내지 않았습니다. [재식별 점검]에서 컬럼별 권장 조치를 보고 컬럼을 비공개·범주화하거나, 이유를 적고 [예외 승인…]을 누르세요.</source>
        <translation>Not exported: the open columns of a list single people out (k &lt; 5). See the advice per column under [Re-identification check] and close or generalise columns, or give a reason and press [Allow exception…].</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="80"/>
        <source>차단 문제</source>
        <translation>Blocking problems</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="82"/>
        <source>차단 문제 {n}건이 있습니다(점검 결과 참고). 고치지 않고 그대로 진행할까요? 진행한 사실은 기록됩니다.</source>
        <translation>There are {n} blocking problems (see Validation). Continue without fixing them? This will be recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="102"/>
        <source>datapackage.json을 만들 폴더</source>
        <translation>Folder for datapackage.json</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="125"/>
        <source>… 외 {n}개</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="127"/>
        <source>내보냈습니다: {paths}</source>
        <translation>Exported: {paths}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="129"/>
        <source>내보냈습니다.
{paths}</source>
        <translation>Exported.
{paths}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="132"/>
        <source>내보내는 중…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="158"/>
        <source>{old}년과 비교하는 중…</source>
        <translation>Comparing with {old}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/disclosure_output.py" line="162"/>
        <source>{old}년과 비교했습니다 (전년 대비 탭).</source>
        <translation>Compared with {old} (see the Since last year tab).</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="66"/>
        <source>단어</source>
        <translation>word</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="66"/>
        <source>용어</source>
        <translation>term</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="67"/>
        <source>{what}명에 허용되지 않는 문자가 있습니다: {bad} (한글·숫자·영문만 사용)</source>
        <translation>The {what} name has characters that are not allowed: {bad} (Hangul, digits and Latin letters only)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="68"/>
        <source>{what}명이 비어 있습니다.</source>
        <translation>The {what} name is empty.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="69"/>
        <source>{what}명 길이 {length}자는 공통표준의 범위({lo}–{hi}자)를 벗어납니다.</source>
        <translation>The {what} name is {length} characters long, outside the common standard&apos;s range ({lo}–{hi}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="70"/>
        <source>단어 영문약어명이 비어 있습니다.</source>
        <translation>The word abbreviation is empty.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="71"/>
        <source>단어 영문약어명 {abbr}에는 영문 대문자와 숫자만 씁니다.</source>
        <translation>The word abbreviation {abbr} may only hold capital letters and digits.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="72"/>
        <source>단어 영문약어명이 {n}자입니다 (공통표준은 {limit}자 이내).</source>
        <translation>The word abbreviation has {n} characters (the common standard allows {limit}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="74"/>
        <source>&apos;{name}&apos;은(는) 표준단어 &apos;{word}&apos;의 금칙어입니다. &apos;{word}&apos;을(를) 쓰십시오.</source>
        <translation>&apos;{name}&apos; is a forbidden word for the standard word &apos;{word}&apos;. Use &apos;{word}&apos;.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="77"/>
        <source>&apos;{name}&apos;은(는) 표준단어 &apos;{word}&apos;의 이음동의어입니다. &apos;{word}&apos;을(를) 쓰십시오.</source>
        <translation>&apos;{name}&apos; is a synonym of the standard word &apos;{word}&apos;. Use &apos;{word}&apos;.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="79"/>
        <source>같은 이름의 단어 &apos;{name}&apos;({abbr})이(가) 이미 있습니다 (동음이의어).</source>
        <translation>A word with the same name, &apos;{name}&apos; ({abbr}), already exists (homonym).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="80"/>
        <source>영문약어명 {abbr}은(는) 단어 &apos;{word}&apos;이(가) 이미 사용합니다.</source>
        <translation>The abbreviation {abbr} is already used by the word &apos;{word}&apos;.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="81"/>
        <source>동의어·금칙어 &apos;{alias}&apos;은(는) 이미 등록된 단어입니다.</source>
        <translation>The synonym or forbidden word &apos;{alias}&apos; is already a registered word.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="82"/>
        <source>동의어·금칙어 &apos;{alias}&apos;은(는) 이미 단어 &apos;{word}&apos;에 속합니다.</source>
        <translation>The synonym or forbidden word &apos;{alias}&apos; already belongs to the word &apos;{word}&apos;.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="83"/>
        <source>형식단어에는 공통표준도메인분류명이 있어야 합니다.</source>
        <translation>A class word needs a domain class.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="84"/>
        <source>형식단어가 아닌 단어에는 도메인분류명을 두지 않습니다.</source>
        <translation>A word that is not a class word has no domain class.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="85"/>
        <source>도메인분류명 &apos;{domain_class}&apos;이(가) 도메인 목록에 없습니다.</source>
        <translation>The domain class &apos;{domain_class}&apos; is not in the domain list.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="87"/>
        <source>용어 영문약어명 {abbr}은(는) 영문 대문자·숫자 약어를 &apos;_&apos; 하나로 이어 씁니다.</source>
        <translation>The term abbreviation {abbr} joins capital-letter/digit abbreviations with single &apos;_&apos;.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="89"/>
        <source>용어 영문약어명이 {n}자로 {limit}자를 넘습니다.</source>
        <translation>The term abbreviation has {n} characters, more than {limit}.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="90"/>
        <source>용어 영문약어명이 비어 있습니다.</source>
        <translation>The term abbreviation is empty.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="91"/>
        <source>영문약어명 {abbr}이(가) 단어 약어의 조합 {joined}({words})과 다릅니다.</source>
        <translation>The abbreviation {abbr} differs from its words&apos; abbreviations {joined} ({words}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="92"/>
        <source>단어 &apos;{word}&apos;은(는) 동음이의어가 있어 뜻을 확인해야 합니다.</source>
        <translation>The word &apos;{word}&apos; has homonyms; check its meaning.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="94"/>
        <source>마지막 단어 &apos;{word}&apos;이(가) 형식단어(분류어)가 아닙니다. 용어는 일자·명·여부·금액·코드 같은 형식단어로 끝나야 합니다.</source>
        <translation>The last word &apos;{word}&apos; is not a class word. A term must end in a class word (date, name, flag, amount, code …).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="97"/>
        <source>용어 &apos;{name}&apos;({abbr})은(는) 이미 등록되어 있습니다.</source>
        <translation>The term &apos;{name}&apos; ({abbr}) is already registered.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="99"/>
        <source>같은 이름의 용어 &apos;{name}&apos;({abbr})이(가) 이미 있습니다 (동음이의어: 이름을 구분하십시오).</source>
        <translation>A term with the same name, &apos;{name}&apos; ({abbr}), already exists (homonym: use a different name).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="101"/>
        <source>영문약어명 {abbr}은(는) 용어 &apos;{term}&apos;이(가) 이미 사용합니다.</source>
        <translation>The abbreviation {abbr} is already used by the term &apos;{term}&apos;.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="103"/>
        <source>&apos;{text}&apos;은(는) 표준단어 &apos;{word}&apos;의 금칙어입니다 (권장 용어명: {fixed}).</source>
        <translation>&apos;{text}&apos; is a forbidden word for the standard word &apos;{word}&apos; (suggested term name: {fixed}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="106"/>
        <source>&apos;{text}&apos;은(는) 표준단어 &apos;{word}&apos;의 이음동의어입니다 (권장 용어명: {fixed}).</source>
        <translation>&apos;{text}&apos; is a synonym of the standard word &apos;{word}&apos; (suggested term name: {fixed}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="109"/>
        <source>등록되지 않은 단어가 있습니다: {words} (단어를 먼저 등록하거나 표준단어로 바꾸십시오)</source>
        <translation>There are unregistered words: {words} (register the words first or use standard words)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="111"/>
        <source>도메인이 지정되지 않았습니다.</source>
        <translation>No domain is set.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="112"/>
        <source>도메인 &apos;{domain}&apos;이(가) 등록되어 있지 않습니다.</source>
        <translation>The domain &apos;{domain}&apos; is not registered.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="113"/>
        <source>도메인 &apos;{domain}&apos;은(는) 폐기되었습니다.</source>
        <translation>The domain &apos;{domain}&apos; is retired.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/dictionary/rules.py" line="115"/>
        <source>도메인 &apos;{domain}&apos;의 분류 &apos;{domain_class}&apos;이(가) 형식단어 &apos;{word}&apos;의 도메인분류 &apos;{word_class}&apos;와 다릅니다.</source>
        <translation>The class &apos;{domain_class}&apos; of the domain &apos;{domain}&apos; differs from the domain class &apos;{word_class}&apos; of the class word &apos;{word}&apos;.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/exports/registry.py" line="40"/>
        <source>데이터셋별 폴더</source>
        <translation>a folder per dataset</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/exports/registry.py" line="86"/>
        <source>공공데이터 목록</source>
        <translation>Public data inventory</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/exports/registry.py" line="93"/>
        <source>테이블·컬럼 정의서</source>
        <translation>Table and column definitions</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/exports/registry.py" line="100"/>
        <source>표준 준수율 보고서</source>
        <translation>Standard compliance report</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/exports/registry.py" line="107"/>
        <source>전년 대비 변경</source>
        <translation>Changes since last year</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/exports/registry.py" line="113"/>
        <source>DCAT</source>
        <translation>DCAT</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/exports/registry.py" line="116"/>
        <source>datapackage.json</source>
        <translation>datapackage.json</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="97"/>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="101"/>
        <source>[기관 설정] {label}: {text}</source>
        <translation>[Institution settings] {label}: {text}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="102"/>
        <source>[{dataset}] {label}: {text}</source>
        <translation>[{dataset}] {label}: {text}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="103"/>
        <source>[{dataset}] 컬럼 &apos;{column}&apos; {label}: {text}</source>
        <translation>[{dataset}] column &apos;{column}&apos; {label}: {text}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="104"/>
        <source>[{dataset}] 컬럼 &apos;{column}&apos; ({table}) {label}: {text}</source>
        <translation>[{dataset}] column &apos;{column}&apos; ({table}) {label}: {text}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="107"/>
        <source>값이 비어 있습니다. 공개목록 › 기관 설정에서 입력하세요 (명령줄: catalog-app institution set).</source>
        <translation>Empty. Enter it under Disclosure › Institution settings (command line: catalog-app institution set).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="109"/>
        <source>&apos;{code}&apos;은(는) 7자리 숫자가 아닙니다 (행정표준기관코드 7자리).</source>
        <translation>&apos;{code}&apos; is not 7 digits (the 7-digit administrative institution code).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="110"/>
        <source>필수 항목이 비어 있습니다.</source>
        <translation>A required field is empty.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="111"/>
        <source>&apos;{value}&apos;은(는) 허용된 값이 아닙니다. 가능한 값: {allowed}</source>
        <translation>&apos;{value}&apos; is not an allowed value. Allowed: {allowed}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="113"/>
        <source>&apos;{value}&apos;은(는) 허용된 값이 아닙니다 (&apos;대분류&apos; 또는 &apos;대분류 - 중분류&apos;). 가능한 값: {allowed}</source>
        <translation>&apos;{value}&apos; is not an allowed value (&apos;category&apos; or &apos;category - subcategory&apos;). Allowed: {allowed}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="115"/>
        <source>&apos;{value}&apos;은(는) 올바른 날짜(YYYY-MM-DD)가 아닙니다.</source>
        <translation>&apos;{value}&apos; is not a valid date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="116"/>
        <source>{value} — 예정일이 지났습니다 — 시행령 제15조: 변경은 10일 이내 등록</source>
        <translation>{value} — the planned date has passed — Enforcement Decree Art. 15: register a change within 10 days</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="118"/>
        <source>&apos;{value}&apos;은(는) 전화번호 형식이 아닌 것 같습니다 (예: 02-2148-1234, 1588-1234).</source>
        <translation>&apos;{value}&apos; does not look like a phone number (e.g. 02-2148-1234, 1588-1234).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="120"/>
        <source>목록키 {list_key}가 다른 데이터셋({others})과 같습니다.</source>
        <translation>List key {list_key} is the same as another dataset&apos;s ({others}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="122"/>
        <source>목록명 &apos;{title}&apos;이(가) 다른 파일({others})과 같습니다. 같은 데이터면 한 파일만 목록에 넣고(목록포함여부 N), 다르면 목록명을 구분하세요.</source>
        <translation>List name &apos;{title}&apos; is the same as another file&apos;s ({others}). If it is the same data, list only one file (include in list: N); otherwise give them different names.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="126"/>
        <source>{openness}인데 비공개사유가 없습니다. 정보공개법 제9조① 사유 코드(9-1~9-8) 또는 3P(제3자 권리)를 고르세요.</source>
        <translation>{openness} without a reason. Choose a reason code of the Information Disclosure Act Art. 9(1) (9-1 to 9-8) or 3P (third-party rights).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="130"/>
        <source>사유가 있지만 공개로 되어 있습니다. 공개여부나 비공개사유를 확인하세요.</source>
        <translation>It has a reason but is open. Check the openness or the reason.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="132"/>
        <source>비공개 컬럼({names})이 있으므로 부분공개가 맞습니다.</source>
        <translation>It has withheld columns ({names}), so it should be partially open.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="134"/>
        <source>개인정보{kinds}가 있는데 공개로 되어 있습니다. 부분공개로 바꾸고 개인정보 컬럼을 비공개(제9조①6)로 하거나, 데이터 전체를 비공개로 하세요.</source>
        <translation>It holds personal data{kinds} but is open. Make it partially open and withhold the personal columns (Art. 9(1)6), or withhold the whole dataset.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="138"/>
        <source>개인정보{kinds}가 담긴 컬럼이 공개됩니다{inherited}. 이 컬럼을 비공개(사유 {reason}, 제9조①6)로 하세요.</source>
        <translation>A column holding personal data{kinds} is published{inherited}. Withhold this column (reason {reason}, Art. 9(1)6).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="141"/>
        <source> (컬럼 공개여부가 비어 있어 공개로 봅니다)</source>
        <translation> (the column&apos;s openness is empty, so it counts as open)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="143"/>
        <source>개인정보여부를 N으로 입력했지만 스캔에서 개인정보({kinds})가 발견되었습니다; 공무원 성명 등 예외(제9조①6 라목)인지 확인하세요.</source>
        <translation>Personal data was entered as N, but the scan found personal data ({kinds}); check whether an exception applies (e.g. officials&apos; names, Art. 9(1)6 d).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="146"/>
        <source>파일을 읽지 못해 컬럼 정보가 없습니다. 파일을 확인하고 다시 스캔하세요.</source>
        <translation>The file could not be read, so there are no columns. Check the file and scan again.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/validate.py" line="148"/>
        <source>표준용어 제안이 없는 컬럼이 {n}개 있어 준수율과 정의서를 믿을 수 없습니다. 매핑 제안을 다시 만드세요 (catalog-app map, [매핑 검토] › 제안 만들기).</source>
        <translation>{n} columns have no standard-term suggestion, so the compliance rate and the definitions cannot be trusted. Make the suggestions again (catalog-app map, [Mapping review] › Make suggestions).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="101"/>
        <source>법령상 비밀·비공개</source>
        <translation>Secret or closed by law</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="102"/>
        <source>국가안보·국방·통일·외교</source>
        <translation>National security, defence, unification, diplomacy</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="103"/>
        <source>국민의 생명·신체·재산 보호</source>
        <translation>Protection of life, body and property</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="104"/>
        <source>재판·수사·형집행 등</source>
        <translation>Trials, investigations, sentences</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="105"/>
        <source>감사·감독·의사결정과정 등</source>
        <translation>Audits, supervision, decision making</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="106"/>
        <source>개인정보(사생활)</source>
        <translation>Personal data (privacy)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="107"/>
        <source>법인 등 경영·영업상 비밀</source>
        <translation>Business secrets of companies</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="108"/>
        <source>부동산투기·매점매석</source>
        <translation>Real-estate speculation, hoarding</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="109"/>
        <source>제3자 권리</source>
        <translation>Third-party rights</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="152"/>
        <source>공공데이터포털의 목록 ID (등록된 목록만)</source>
        <translation>The list ID on the public data portal (registered lists only)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="152"/>
        <source>목록키</source>
        <translation>List key</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="153"/>
        <source>목록유형</source>
        <translation>List type</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="154"/>
        <source>관례: 기관명_데이터명</source>
        <translation>Convention: institution_data name</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="154"/>
        <source>목록명</source>
        <translation>List name</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="155"/>
        <source>비우면 목록명_기준일자(YYYYMMDD)</source>
        <translation>If empty: list name_reference date (YYYYMMDD)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="155"/>
        <source>파일데이터명</source>
        <translation>File data name</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="158"/>
        <source>기준일자</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="160"/>
        <source>데이터의 기준일 (YYYY-MM-DD): 파일데이터명에 붙습니다</source>
        <translation>The data&apos;s reference date (YYYY-MM-DD): appended to the file data name</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="162"/>
        <source>분류체계</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="163"/>
        <source>관리 부서명</source>
        <translation>Managing department</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="164"/>
        <source>관리부서 전화번호</source>
        <translation>Department phone</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="165"/>
        <source>보유근거</source>
        <translation>Legal basis for holding</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="166"/>
        <source>수집방법</source>
        <translation>Collection method</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="167"/>
        <source>업데이트 주기</source>
        <translation>Update cycle</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="168"/>
        <source>차기 등록 예정일</source>
        <translation>Next registration date</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="169"/>
        <source>매체유형</source>
        <translation>Media type</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="170"/>
        <source>전체행</source>
        <translation>Total rows</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="171"/>
        <source>확장자(데이터포맷)</source>
        <translation>Extension (data format)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="172"/>
        <source>쉼표로 구분</source>
        <translation>Separated by commas</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="172"/>
        <source>키워드</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="173"/>
        <source>데이터 한계</source>
        <translation>Data limitations</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="174"/>
        <source>제공형태</source>
        <translation>Delivery form</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="175"/>
        <source>설명</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="176"/>
        <source>기타 유의사항</source>
        <translation>Other notes</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="177"/>
        <source>공간범위</source>
        <translation>Spatial coverage</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="178"/>
        <source>시간범위</source>
        <translation>Temporal coverage</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="181"/>
        <source>시간범위 기준 컬럼</source>
        <translation>Time range column</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="182"/>
        <source>시간범위를 계산할 날짜 컬럼 (비우면 기준일자·연월일 용어에 매핑된 컬럼)</source>
        <translation>The date column the time range is computed from (if empty: the columns mapped to a reference date or date term)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="184"/>
        <source>비용부과유무</source>
        <translation>Fee charged</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="185"/>
        <source>비용부과기준 및 단위</source>
        <translation>Fee basis and unit</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="186"/>
        <source>이용허락범위</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="187"/>
        <source>국가중점여부</source>
        <translation>National priority data</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="190"/>
        <source>표준데이터여부</source>
        <translation>Standard data</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="193"/>
        <source>자동: 표가 공공데이터 제공표준을 따르면 Y (품질진단의 제공표준 인식)</source>
        <translation>Automatic: Y when a table follows a public-data provision standard (recognised by the quality check)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="195"/>
        <source>공개여부</source>
        <translation>Openness</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="196"/>
        <source>비공개사유</source>
        <translation>Reason for withholding</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="197"/>
        <source>상세근거</source>
        <translation>Detailed grounds</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="198"/>
        <source>개인정보여부</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="199"/>
        <source>N이면 공개목록에서 뺍니다</source>
        <translation>N leaves it off the disclosure lists</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="199"/>
        <source>목록포함여부</source>
        <translation>Include in list</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="202"/>
        <source>정보시스템명</source>
        <translation>Information system</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="203"/>
        <source>이 파일을 추출한 정보시스템 (폴더별 지정은 catalog-app system link)</source>
        <translation>The information system this file was extracted from (per folder: catalog-app system link)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="205"/>
        <source>DB 테이블명</source>
        <translation>DB table name</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="205"/>
        <source>원본 DB 테이블</source>
        <translation>Source DB table</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="209"/>
        <source>공개/비공개여부</source>
        <translation>Disclosure status</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="213"/>
        <source>컬럼설명</source>
        <translation>Column description</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="214"/>
        <source>비우면 매핑된 표준용어의 영문약어</source>
        <translation>If empty: the mapped standard term&apos;s abbreviation</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="214"/>
        <source>영문명</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="215"/>
        <source>단위</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="215"/>
        <source>예: 명, 원, ㎡ (비우면 표준 도메인의 단위)</source>
        <translation>e.g. persons, won, ㎡ (if empty: the standard domain&apos;s unit)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="216"/>
        <source>코드</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="216"/>
        <source>코드 컬럼이면 코드명 또는 코드 목록 (비우면 표준용어의 코드명)</source>
        <translation>For a code column, the code name or code list (if empty: the standard term&apos;s code name)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="220"/>
        <source>기관명</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="221"/>
        <source>기관코드</source>
        <translation>Institution code</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="221"/>
        <source>행정표준기관코드 7자리</source>
        <translation>The 7-digit administrative institution code</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="222"/>
        <source>대표 전화번호</source>
        <translation>Main phone number</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="223"/>
        <source>기본 이용허락범위</source>
        <translation>Default licence</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="224"/>
        <source>기본 공간범위</source>
        <translation>Default spatial coverage</translation>
    </message>
    <message>
        <location filename="../../catalog_app/disclosure/vocab.py" line="224"/>
        <source>예: 서울특별시 종로구</source>
        <translation>E.g. 서울특별시 종로구</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="79"/>
        <source>머리글 &apos;{label}&apos;은(는) 자동으로 붙은 이름입니다 (논리명 없음).</source>
        <translation>Header &apos;{label}&apos; is a generated name (no logical name).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="80"/>
        <source>머리글(논리명)이 비어 있습니다.</source>
        <translation>The header (logical name) is empty.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="81"/>
        <source>이 컬럼</source>
        <translation>this column</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="82"/>
        <source>머리글 &apos;{label}&apos;에 쓸 수 없는 문자가 있습니다: {kinds}</source>
        <translation>Header &apos;{label}&apos; has characters a standard name cannot hold: {kinds}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="83"/>
        <source>여러 행에 나뉜 머리글(|)</source>
        <translation>a header spread over several rows (|)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="84"/>
        <source>줄바꿈</source>
        <translation>line breaks</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="85"/>
        <source>괄호 {chars}</source>
        <translation>brackets {chars}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="86"/>
        <source>공백</source>
        <translation>spaces</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="87"/>
        <source>특수문자 {chars}</source>
        <translation>symbols {chars}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="88"/>
        <source>(빈 머리글)</source>
        <translation>(empty header)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="89"/>
        <source>&apos;{label}&apos;은(는) 표준용어에 매핑되지 않았습니다 (미등록 용어).</source>
        <translation>&apos;{label}&apos; is not mapped to a standard term (unregistered term).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="91"/>
        <source>&apos;{label}&apos;은(는) 표준용어에 매핑되지 않았습니다 (미등록 용어). 신규 용어 후보: {name}({abbr}, {domain})</source>
        <translation>&apos;{label}&apos; is not mapped to a standard term (unregistered term). New term candidate: {name} ({abbr}, {domain})</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="94"/>
        <source>매핑된 표준용어 &apos;{term}&apos;은(는) 폐기된 용어입니다.</source>
        <translation>The mapped standard term &apos;{term}&apos; is retired.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="96"/>
        <source>&apos;{name}&apos;은(는) 표준용어 &apos;{term}&apos;의 이음동의어입니다. 컬럼명은 &apos;{term}&apos;으로 씁니다.</source>
        <translation>&apos;{name}&apos; is a synonym of the standard term &apos;{term}&apos;. Name the column &apos;{term}&apos;.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="98"/>
        <source>컬럼명 &apos;{label}&apos;이(가) 매핑된 표준용어 &apos;{term}&apos;({abbr})과 다릅니다.</source>
        <translation>Column name &apos;{label}&apos; differs from the mapped standard term &apos;{term}&apos; ({abbr}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="100"/>
        <source>&apos;{text}&apos;은(는) 금칙어입니다. 표준단어 &apos;{word}&apos;을(를) 씁니다 (권장: {fixed}).</source>
        <translation>&apos;{text}&apos; is a forbidden word. Use the standard word &apos;{word}&apos; (suggested: {fixed}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="102"/>
        <source>&apos;{text}&apos;은(는) 표준단어 &apos;{word}&apos;의 이음동의어입니다 (권장: {fixed}).</source>
        <translation>&apos;{text}&apos; is a synonym of the standard word &apos;{word}&apos; (suggested: {fixed}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="103"/>
        <source>&apos;{name}&apos;에 표준사전에 없는 단어가 있습니다: {words}</source>
        <translation>&apos;{name}&apos; has words that are not in the standard dictionary: {words}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="104"/>
        <source>단어 &apos;{word}&apos;은(는) 뜻이 여럿입니다 ({meanings}); 확인이 필요합니다.</source>
        <translation>The word &apos;{word}&apos; has several meanings ({meanings}); please check.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="106"/>
        <source>&apos;{name}&apos;이(가) 형식단어로 끝나지 않습니다 (마지막 단어 &apos;{last}&apos;). 일자·명·여부·금액·코드 같은 분류어로 끝나야 합니다.</source>
        <translation>&apos;{name}&apos; does not end in a class word (last word &apos;{last}&apos;). It should end in a class word (date, name, flag, amount, code …).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="109"/>
        <source>&apos;{name}&apos;의 단어 조합이 모호합니다: 좌→우 {left}, 우→좌 {right}.{chosen}</source>
        <translation>The word split of &apos;{name}&apos; is ambiguous: left→right {left}, right→left {right}.{chosen}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="110"/>
        <source> 채택: {words}</source>
        <translation> Chosen: {words}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="111"/>
        <source>&apos;{name}&apos;에 표준단어 영문약어가 아닌 부분이 있습니다: {words}</source>
        <translation>&apos;{name}&apos; has parts that are not standard word abbreviations: {words}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="112"/>
        <source>&apos;{name}&apos;이(가) 형식단어 약어로 끝나지 않습니다 ({token} = {word}).</source>
        <translation>&apos;{name}&apos; does not end in a class word abbreviation ({token} = {word}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="114"/>
        <source>용어 &apos;{term}&apos;을(를) 표준단어로 나눌 수 없어 영문약어 {abbr}을(를) 단어 약어의 조합으로 확인할 수 없습니다.</source>
        <translation>The term &apos;{term}&apos; cannot be split into standard words, so its abbreviation {abbr} cannot be checked against the words&apos; abbreviations.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks.py" line="118"/>
        <source>용어 &apos;{term}&apos;의 영문약어 {abbr}이(가) 단어 약어의 조합 {joined}({words})과 다릅니다.</source>
        <translation>The abbreviation {abbr} of the term &apos;{term}&apos; differs from its words&apos; abbreviations {joined} ({words}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="27"/>
        <source>정수</source>
        <translation>Integer</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="28"/>
        <source>소수</source>
        <translation>Decimal</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="29"/>
        <source>날짜</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="30"/>
        <source>날짜시각</source>
        <translation>date-time</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="31"/>
        <source>시각</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="32"/>
        <source>여부(Y/N류)</source>
        <translation>flag (Y/N)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="33"/>
        <source>앞자리 0이 있는 숫자</source>
        <translation>numbers with leading zeros</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="34"/>
        <source>문자</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="35"/>
        <source>빈 값</source>
        <translation>empty</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="39"/>
        <source>{col}의 값({kind})이 {domain}의 Y/N이 아닙니다{hint}.</source>
        <translation>The values of {col} ({kind}) are not the Y/N of {domain}{hint}.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="40"/>
        <source> (0/1 대신 Y/N)</source>
        <translation> (Y/N instead of 0/1)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="41"/>
        <source>{col}의 8자리 값 중 유효한 날짜가 아닌 값이 있습니다{span}.</source>
        <translation>Some 8-digit values of {col} are not valid dates{span}.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="42"/>
        <source> (범위 {low}~{high})</source>
        <translation> (range {low}–{high})</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="43"/>
        <source>{col}의 값이 표현 형식 {display}로 쓰였습니다. 저장 형식은 {storage}입니다.</source>
        <translation>The values of {col} are written in the display format {display}. The storage format is {storage}.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="44"/>
        <source>{col}의 형식 {form}이(가) {domain}의 저장 형식 {storage}와 다릅니다.</source>
        <translation>The format {form} of {col} differs from the storage format {storage} of {domain}.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="45"/>
        <source>{col}의 값({kind})이 날짜·시각 도메인 {domain}({storage})에 맞지 않습니다.</source>
        <translation>The values of {col} ({kind}) do not fit the date/time domain {domain} ({storage}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="47"/>
        <source>{col}의 값이 앞자리 0이 있는 숫자입니다; 숫자 도메인 {domain}에서는 0이 사라집니다.</source>
        <translation>The values of {col} are numbers with leading zeros; the numeric domain {domain} drops the zeros.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="49"/>
        <source>{col}의 값({kind})이 숫자 도메인 {domain}에 맞지 않습니다.</source>
        <translation>The values of {col} ({kind}) do not fit the numeric domain {domain}.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="51"/>
        <source>{col}의 정수부 최대 {need}자리가 도메인 {domain}(정수부 {whole}자리)을 넘습니다.</source>
        <translation>The integer part of {col} reaches {need} digits, more than the domain {domain} allows ({whole} digits).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="53"/>
        <source>{col}의 소수점 이하 {places}자리가 도메인 {domain}({allowed})보다 깁니다.</source>
        <translation>The {places} decimal places of {col} are more than the domain {domain} allows ({allowed}).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="54"/>
        <source>소수점 {scale}자리</source>
        <translation>{scale} decimal places</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="55"/>
        <source>소수점 없음</source>
        <translation>no decimals</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="57"/>
        <source>{col}의 값이 표현 형식({display})의 구분자 {shown}와 함께 쓰였습니다. 저장 형식은 {storage}(구분자 없음)입니다 — 값 품질 점검 대상이며 표준 준수에는 영향이 없습니다.</source>
        <translation>The values of {col} are written with the separators {shown} of the display format ({display}). The storage format is {storage} (no separators) — a value-quality finding that does not affect standard compliance.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="61"/>
        <source>{col}의 최대 길이가 구분자를 빼고도 {observed}바이트로 도메인 {domain}({length}바이트)을 넘습니다.</source>
        <translation>Even without separators, the longest value of {col} is {observed} bytes, more than the domain {domain} ({length} bytes).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="65"/>
        <source>{col}의 최대 길이 {observed}바이트가 도메인 {domain}({length}바이트)을 넘습니다.</source>
        <translation>The longest value of {col}, {observed} bytes, exceeds the domain {domain} ({length} bytes).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="68"/>
        <source>{col}의 최대 길이 {observed}바이트에 비해 도메인 {domain}({length}바이트)이 지나치게 깁니다.</source>
        <translation>The domain {domain} ({length} bytes) is far longer than the longest value of {col} ({observed} bytes).</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="71"/>
        <source>{col}의 최대 길이 {observed}바이트가 고정 길이 도메인 {domain}({length}바이트)보다 짧습니다.{hint}</source>
        <translation>The longest value of {col}, {observed} bytes, is shorter than the fixed-length domain {domain} ({length} bytes).{hint}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="74"/>
        <source> 앞자리 0이 빠졌을 수 있습니다.</source>
        <translation> Leading zeros may have been lost.</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="75"/>
        <source>{col}에 허용값({codes}) 밖의 값이 있습니다: {listed}{basis}{hint}</source>
        <translation>{col} has values outside the allowed values ({codes}): {listed}{basis}{hint}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="76"/>
        <source> 외 {n}개</source>
        <translation> and {n} more</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="77"/>
        <source> (상위 {n}개 값 기준)</source>
        <translation> (among the top {n} values)</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="78"/>
        <source> — {hints}</source>
        <translation> — {hints}</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="79"/>
        <source>앞자리 0이 빠진 코드가 있습니다</source>
        <translation>some codes lost their leading zeros</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="80"/>
        <source>코드 대신 코드명이 쓰였습니다</source>
        <translation>code names were written instead of codes</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/checks_values.py" line="81"/>
        <source>Y/N으로 바꾸십시오</source>
        <translation>change them to Y/N</translation>
    </message>
    <message>
        <location filename="../../catalog_app/matching/jobs.py" line="109"/>
        <source>표준용어 제안이 없는 컬럼이 {n:,}개 있어 표준 준수율을 믿을 수 없습니다. 매핑 제안을 다시 만드세요 (catalog-app map, 창에서는 [매핑 검토] › 제안 만들기).</source>
        <translation>{n:,} columns have no standard-term suggestion, so the compliance rate cannot be trusted. Make the suggestions again (catalog-app map; in the window: [Mapping review] › Make suggestions).</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="28"/>
        <source>오류</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="32"/>
        <source>알림</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="54"/>
        <source>예: 이미 있는 표준용어 &apos;행사명&apos;을 쓰세요.</source>
        <translation>E.g. use the existing standard term &apos;행사명&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="128"/>
        <source>다른 후보 선택</source>
        <translation>Choose another candidate</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="131"/>
        <source>컬럼 &apos;{label}&apos;에 수락할 표준용어를 고르거나 이름을 입력하세요.</source>
        <translation>Pick the standard term to accept for column &apos;{label}&apos;, or type its name.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="139"/>
        <source>또는 표준사전의 용어 이름 (입력하면 찾아 줍니다)</source>
        <translation>Or a term name from the standard dictionary (suggested as you type)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="141"/>
        <source>표준용어 이름 (예: 시설명)</source>
        <translation>Standard term name (e.g. 시설명)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="153"/>
        <source>수락</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="178"/>
        <source>새 용어 제안</source>
        <translation>Propose a new term</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="182"/>
        <source>컬럼 &apos;{label}&apos;에 맞는 표준용어가 없을 때 새 용어를 기관표준 검토 대기열에 올립니다. 표준 담당자가 승인하면 용어가 됩니다.</source>
        <translation>When no standard term fits column &apos;{label}&apos;, add a new term to the institution standard&apos;s review queue. It becomes a term once the standards officer approves it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="190"/>
        <source>표준에 없는 단어: {words} — 단어부터 등록해야 할 수 있습니다.</source>
        <translation>Words not in the standard: {words} — they may need to be registered first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="200"/>
        <source>예: FCLT_NM</source>
        <translation>e.g. FCLT_NM</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="202"/>
        <source>예: 명V100</source>
        <translation>e.g. 명V100</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="206"/>
        <source>용어 이름</source>
        <translation>Term name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="207"/>
        <source>영문약어</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="208"/>
        <source>도메인</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="209"/>
        <source>설명</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="215"/>
        <source>제안</source>
        <translation>Propose</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="14"/>
        <source>정상</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <location filename="../../ui/labels.py" line="192"/>
        <source>오류</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>없어짐</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>진행 중</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>완료</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>취소됨</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <location filename="../../ui/labels.py" line="140"/>
        <source>실패</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>중단됨(비정상 종료)</source>
        <translation>Interrupted (the process ended abnormally)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>정수</source>
        <translation>Integer</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>소수</source>
        <translation>Decimal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>날짜</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>일시</source>
        <translation>Date-time</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>시각</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>여부(Y/N)</source>
        <translation>Flag (Y/N)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>코드</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>문자</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>빈 열</source>
        <translation>Empty column</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>주민등록번호</source>
        <translation>Resident registration no.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>외국인등록번호</source>
        <translation>Alien registration no.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>휴대전화번호</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>전화번호</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54"/>
        <source>이메일</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>여권번호</source>
        <translation>Passport no.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>운전면허번호</source>
        <translation>Driver&apos;s licence no.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>사업자등록번호</source>
        <translation>Business registration no.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>법인등록번호</source>
        <translation>Corporate registration no.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>카드번호</source>
        <translation>Card number</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>계좌번호</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>상세주소</source>
        <translation>Detailed address</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>성명</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>생년월일</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>주민등록번호(일부)</source>
        <translation>Resident number (part)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>차량번호</source>
        <translation>Vehicle number</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>성별</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>나이</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>성별+나이</source>
        <translation>Sex and age</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>거주지역</source>
        <translation>Area of residence</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>날짜(사건일)</source>
        <translation>Date (event)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>인적 속성(직업·국적 등)</source>
        <translation>Personal attribute (job, nationality …)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>건강</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>장애</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>병력</source>
        <translation>Medical history</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>범죄경력</source>
        <translation>Criminal record</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>종교</source>
        <translation>Religion</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>정당</source>
        <translation>Political party</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>기타 개인정보</source>
        <translation>Other personal data</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>파일</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87"/>
        <source>시트</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88"/>
        <source>컬럼</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="95"/>
        <source>단어</source>
        <translation>Word</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="96"/>
        <source>용어</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="97"/>
        <source>도메인</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98"/>
        <location filename="../../ui/labels.py" line="119"/>
        <source>제안</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>기관표준 전체</source>
        <translation>Whole institution standard</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="106"/>
        <source>공통표준</source>
        <translation>Common standard</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>기관표준</source>
        <translation>Institution standard</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="114"/>
        <source>추가</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="115"/>
        <source>수정</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="116"/>
        <source>폐기</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="117"/>
        <location filename="../../ui/labels.py" line="129"/>
        <source>승인</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="118"/>
        <location filename="../../ui/labels.py" line="130"/>
        <source>반려</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="120"/>
        <source>가져오기</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>되돌림</source>
        <translation>Undone</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="128"/>
        <source>검토 대기</source>
        <translation>Pending review</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="137"/>
        <source>새 파일</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="138"/>
        <source>바뀐 파일</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="139"/>
        <source>그대로</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>일치</source>
        <translation>Exact</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>동의어</source>
        <translation>Synonym</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150"/>
        <source>변형</source>
        <translation>Variant</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="151"/>
        <source>조합 가능</source>
        <translation>Composable</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152"/>
        <source>비표준</source>
        <translation>Non-standard</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="153"/>
        <source>구분 열</source>
        <translation>Row-label column</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="154"/>
        <source>미분석</source>
        <translation>Not analysed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="161"/>
        <source>수락</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162"/>
        <source>거부</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="163"/>
        <source>새 용어 제안</source>
        <translation>New term proposed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="171"/>
        <source>미등록 용어</source>
        <translation>Unregistered term</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="172"/>
        <source>비표준 단어</source>
        <translation>Non-standard word</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="173"/>
        <source>금칙어</source>
        <translation>Forbidden word</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="174"/>
        <source>이음동의어</source>
        <translation>Synonym</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="175"/>
        <source>동음이의어</source>
        <translation>Homonym</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="176"/>
        <source>조합 모호</source>
        <translation>Ambiguous composition</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="177"/>
        <source>분류어 종결</source>
        <translation>Class word ending</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="178"/>
        <source>타입</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="179"/>
        <source>길이</source>
        <translation>Length</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="180"/>
        <source>소수점</source>
        <translation>Decimal places</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="181"/>
        <source>형식</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="182"/>
        <source>허용값</source>
        <translation>Allowed values</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="183"/>
        <source>부적합 문자</source>
        <translation>Invalid characters</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="184"/>
        <source>약어 규칙</source>
        <translation>Abbreviation rule</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="185"/>
        <source>논리명 없음</source>
        <translation>No logical name</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="193"/>
        <source>경고</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../ui/app.py" line="85"/>
        <source>카탈로그를 열 수 없습니다:
{path}

{error}</source>
        <translation>Cannot open the catalog:
{path}

{error}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="93"/>
        <source>

기본 카탈로그를 엽니다.</source>
        <translation>

Opening the default catalog.</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="40"/>
        <source>공공데이터 목록 관리</source>
        <translation>Public Data Inventory</translation>
    </message>
</context>
<context>
    <name>mapping_commands</name>
    <message>
        <location filename="../../ui/mapping_commands.py" line="79"/>
        <source>수락: {label} → {term}</source>
        <translation>Accept: {label} → {term}</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_commands.py" line="93"/>
        <source>거부: {label} ≠ {term}</source>
        <translation>Reject: {label} ≠ {term}</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_commands.py" line="105"/>
        <source>결정 지우기: {label}</source>
        <translation>Clear decision: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_commands.py" line="121"/>
        <source>새 용어 제안: {label} → {term}</source>
        <translation>Propose new term: {label} → {term}</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_commands.py" line="137"/>
        <source>컬럼의 제안 표시를 되돌렸습니다. 제안 {n}번(&apos;{term}&apos;)은 검토 대기열에 남아 있으니 표준사전 › 검토 대기에서 반려하세요.</source>
        <translation>The column is no longer marked as proposed. Proposal no. {n} (&apos;{term}&apos;) is still in the review queue: reject it under Standard dictionary › Pending review.</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_commands.py" line="149"/>
        <source>일괄 수락: 점수 {t:.2f} 이상</source>
        <translation>Bulk accept: score {t:.2f} or higher</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_commands.py" line="161"/>
        <source>점수 {t:.2f} 이상인 미결정 컬럼이 없습니다.</source>
        <translation>No undecided column scores {t:.2f} or higher.</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_commands.py" line="164"/>
        <source>일괄 수락: 점수 {t:.2f} 이상 {n}개</source>
        <translation>Bulk accept: {n} with score {t:.2f} or higher</translation>
    </message>
</context>
<context>
    <name>quality_dialogs</name>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="31"/>
        <source>두 컬럼 비교</source>
        <translation>Compare two columns</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="32"/>
        <source>조건</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="33"/>
        <source>정규식</source>
        <translation>Regular expression</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="34"/>
        <source>허용값</source>
        <translation>Allowed values</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="35"/>
        <source>숫자 범위</source>
        <translation>Number range</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="36"/>
        <source>중복 불가</source>
        <translation>No duplicates</translation>
    </message>
    <message>
        <location filename="../../ui/pages/quality_dialogs.py" line="276"/>
        <source>예: 원본 파일의 날짜를 YYYY-MM-DD로 고쳐 다시 올렸습니다.</source>
        <translation>e.g. Corrected the dates in the source file to YYYY-MM-DD and published it again.</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="29"/>
        <source>카탈로그 열기</source>
        <translation>Open catalog</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="30"/>
        <source>다시 스캔 (스캔 페이지의 폴더, 바뀐 파일만)</source>
        <translation>Rescan (the Scan page&apos;s folders, changed files only)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="31"/>
        <source>지금 페이지에서 검색 (검색 칸이 없으면 카탈로그 검색)</source>
        <translation>Search on this page (the catalog search when the page has none)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="32"/>
        <source>끝내기</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="33"/>
        <source>단축키 보기</source>
        <translation>Show keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="34"/>
        <source>페이지 이동 (현황 … 설정)</source>
        <translation>Go to a page (Overview … Settings)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="35"/>
        <source>1순위 후보 수락 (후보 목록에서는 고른 후보)</source>
        <translation>Accept the top candidate (in the candidate list: the selected one)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="36"/>
        <source>1순위 후보 거부</source>
        <translation>Reject the top candidate</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="37"/>
        <source>점수 이상 일괄 수락 (필터로 보이는 컬럼만)</source>
        <translation>Bulk accept above the score (only the columns the filter shows)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="38"/>
        <source>결정 되돌리기</source>
        <translation>Undo a decision</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="39"/>
        <source>다시 실행</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="40"/>
        <source>저장</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="41"/>
        <source>이전 문제</source>
        <translation>Previous problem</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="42"/>
        <source>다음 문제</source>
        <translation>Next problem</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="43"/>
        <source>표: 엑셀에서 복사한 칸 붙여넣기</source>
        <translation>Grid: paste cells copied from Excel</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="44"/>
        <source>표: 아래로 채우기</source>
        <translation>Grid: fill down</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="45"/>
        <source>표: 고른 칸 지우기</source>
        <translation>Grid: clear the selected cells</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="46"/>
        <source>표: 되돌리기</source>
        <translation>Grid: undo</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="47"/>
        <source>표: 다시 실행</source>
        <translation>Grid: redo</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="48"/>
        <source>점검 (이 연도 공개목록)</source>
        <translation>Check (this year&apos;s lists)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="49"/>
        <source>점검 결과에서 고른 문제의 항목 열기</source>
        <translation>Open the field of the problem selected in the check results</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="55"/>
        <source>창 전체</source>
        <translation>Whole window</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="56"/>
        <source>매핑 검토</source>
        <translation>Mapping review</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="57"/>
        <source>공개 항목</source>
        <translation>Disclosure items</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="58"/>
        <source>공개목록</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="72"/>
        <source>단축키</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="75"/>
        <source>어디서</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="75"/>
        <source>키</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="75"/>
        <source>하는 일</source>
        <translation>What it does</translation>
    </message>
</context>
</TS>
