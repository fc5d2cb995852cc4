; Inno Setup script of the Tổng Kết installer: per user, without administrator rights, in Vietnamese.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\tongket.iss
;
; Run after the PyInstaller build (dist\tongket\ holds tongket.exe, tongket-cli.exe and _internal\).
; Writes dist\installer\TongKet-<version>-setup.exe. Inno Setup 6 reads this file as UTF-8 (it has a BOM).
;
; The program goes to %LOCALAPPDATA%\Programs\TongKet ({autopf} for a per-user install). The user's data
; (database, backups, logs) lives elsewhere, in %LOCALAPPDATA%\TongKet (platformdirs' user data folder):
; the uninstaller removes only what it installed, so the data stays. Never list that folder in
; [UninstallDelete].

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=0.1.0 packaging\windows\tongket.iss
#endif

#define AppName "Tổng Kết"
#define AppExeName "tongket.exe"
#define AppPublisher "TongKet"

; Inno Setup 6.5 ships an official Vietnamese.isl; older releases only had it among the unofficial
; translations, which the compiler does not install. Without it the wizard's own texts stay in English.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
  #define VietnameseMessages "compiler:Languages\Vietnamese.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl")
  #define VietnameseMessages "compiler:Languages\Unofficial\Vietnamese.isl"
#else
  #pragma warning "Vietnamese.isl is not installed with this Inno Setup: the wizard's buttons will be in English"
  #define VietnameseMessages "compiler:Default.isl"
#endif

[Setup]
; The AppId identifies the program for upgrades and the uninstaller: never change it.
AppId={{015256BF-8172-4C45-9387-723F172AC2CC}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
; Paths below are relative to the repository root.
SourceDir=..\..
OutputDir=dist\installer
OutputBaseFilename=TongKet-{#AppVersion}-setup
SetupIconFile=resources\icons\tongket.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
; Per user, no administrator rights; an administrator may still install for all users from the command
; line (/ALLUSERS), and the data stays per user either way.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={code:ProgramsFolder}\TongKet
DisableDirPage=auto
DisableProgramGroupPage=yes
DisableReadyPage=no
; Qt 6 runs on 64-bit Windows 10 and later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
ShowLanguageDialog=no
Compression=lzma2/max
SolidCompression=yes
; Close a running Tổng Kết before replacing its files (it saves as the user types).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "vi"; MessagesFile: "{#VietnameseMessages}"

[CustomMessages]
vi.DesktopShortcut=Tạo lối tắt trên màn hình nền (Desktop)
vi.Shortcuts=Lối tắt:
vi.LaunchProgram=Mở {#AppName} ngay
vi.AppComment=Soạn báo cáo tổng kết năm của cấp ủy Đảng

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopShortcut}"; GroupDescription: "{cm:Shortcuts}"

[InstallDelete]
; An upgrade replaces the whole bundle: files of the previous version must not linger in _internal.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\tongket\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram}"; Flags: nowait postinstall skipifsilent

[Code]
// {autopf}: %LOCALAPPDATA%\Programs for a per-user install, Program Files for /ALLUSERS. Wine 8 knows no
// per-user Programs folder (FOLDERID_UserProgramFiles) and Setup stops with an internal error there; fall back
// to where Windows puts that folder, so that the installer can be tested under Wine.
function ProgramsFolder(Param: String): String;
begin
  try
    Result := ExpandConstant('{autopf}');
  except
    Result := ExpandConstant('{localappdata}\Programs');
  end;
end;
