# catalog-app: install from this folder's wheels into a per-user venv. No admin, no network.
#   powershell -ExecutionPolicy Bypass -File install.ps1 [-Target D:\other\folder]
param([string]$Target = "$env:LOCALAPPDATA\Programs\catalog-app-venv")
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path

# The wheels are for Python 3.11-3.13: the newest of those the py launcher knows, else python.
$py = $null
foreach ($v in "3.13", "3.12", "3.11") {
    if (Get-Command py -ErrorAction SilentlyContinue) {
        & py "-$v" -c "import sys" 2>$null
        if ($LASTEXITCODE -eq 0) { $py = @("py", "-$v"); break }
    }
}
if (-not $py -and (Get-Command python -ErrorAction SilentlyContinue)) {
    & python -c "import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)" 2>$null
    if ($LASTEXITCODE -eq 0) { $py = @("python") }
}
if (-not $py) { Write-Error "Python 3.11-3.13 이 필요합니다. Python 3.11-3.13 is needed." }

$exe = $py[0]; $pyArgs = @($py | Select-Object -Skip 1)
& $exe @pyArgs -m venv $Target
if ($LASTEXITCODE -ne 0) { exit 1 }
# --isolated: no pip.ini or PIP_* variable can add an index; --no-index: never the network.
& "$Target\Scripts\python.exe" -m pip --isolated install --no-index --find-links "$here\wheels" catalog-app
if ($LASTEXITCODE -ne 0) { exit 1 }

try {  # a Start-menu shortcut that opens the window without a console (pythonw -m ui)
    $lnk = Join-Path ([Environment]::GetFolderPath("Programs")) "공공데이터 목록 관리.lnk"
    $s = (New-Object -ComObject WScript.Shell).CreateShortcut($lnk)
    $s.TargetPath = "$Target\Scripts\pythonw.exe"; $s.Arguments = "-m ui"; $s.Save()
} catch { Write-Warning "시작 메뉴 바로가기는 만들지 못했습니다 (설치는 끝났습니다)." }

Write-Host "설치했습니다: $Target"
Write-Host "창: 시작 메뉴의 '공공데이터 목록 관리', 명령줄: $Target\Scripts\catalog-app.exe"
