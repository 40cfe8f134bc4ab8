@echo off
rem catalog-app: install from this folder's wheels into a per-user venv. No admin, no network.
rem   install.bat                 -> %LOCALAPPDATA%\Programs\catalog-app-venv
rem   install.bat D:\other\folder -> another venv folder
setlocal
chcp 65001 >nul
set "HERE=%~dp0"
set "TARGET=%LOCALAPPDATA%\Programs\catalog-app-venv"
if not "%~1"=="" set "TARGET=%~1"

rem The wheels are for Python 3.11-3.13: take the newest of those the py launcher knows.
set "PY="
for %%V in (3.13 3.12 3.11) do (
    if not defined PY (
        py -%%V -c "import sys" >nul 2>nul && set "PY=py -%%V"
    )
)
if not defined PY (
    python -c "import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)" >nul 2>nul && set "PY=python"
)
if not defined PY (
    echo Python 3.11-3.13 이 필요합니다. Python 3.11-3.13 is needed.
    exit /b 1
)

%PY% -m venv "%TARGET%" || exit /b 1
rem --isolated: no pip.ini or PIP_* variable can add an index; --no-index: never the network.
"%TARGET%\Scripts\python.exe" -m pip --isolated install --no-index --find-links "%HERE%wheels" catalog-app || exit /b 1

rem A Start-menu shortcut that opens the window without a console (pythonw -m ui); optional.
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$s = (New-Object -ComObject WScript.Shell).CreateShortcut([Environment]::GetFolderPath('Programs') + '\공공데이터 목록 관리.lnk'); $s.TargetPath = '%TARGET%\Scripts\pythonw.exe'; $s.Arguments = '-m ui'; $s.Save()" >nul 2>nul ^
  || echo 시작 메뉴 바로가기는 만들지 못했습니다 (설치는 끝났습니다).

echo 설치했습니다: %TARGET%
echo 창: 시작 메뉴의 "공공데이터 목록 관리", 명령줄: "%TARGET%\Scripts\catalog-app.exe"
endlocal
