; Inno Setup script for the folder that packaging/leerwinkel.spec builds on Windows (dist\leerwinkel\).
; Build on Windows: pyinstaller --noconfirm packaging\leerwinkel.spec, then
;   iscc /DAppVersion=0.1.0 packaging\windows-installer.iss
; (.github/workflows/windows-installer.yml does both on a Windows runner; see packaging/README.md).
; The counsellor's data lives in %LOCALAPPDATA%\LeerwinkelIntake (platformdirs), outside {app}:
; uninstalling removes the program and keeps the data, the keys and the backups.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1C4B7E-2C55-4E0B-9B7C-4C2A3E51D0A1}
AppName=Leerwinkel Intake
AppVersion={#AppVersion}
AppPublisher=Leerwinkel
DefaultDirName={autopf}\Leerwinkel Intake
DefaultGroupName=Leerwinkel Intake
OutputDir=..\dist
OutputBaseFilename=LeerwinkelIntake-{#AppVersion}-Setup
SetupIconFile=..\resources\images\leerwinkel.ico
UninstallDisplayIcon={app}\leerwinkel.exe
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\leerwinkel\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Leerwinkel Intake"; Filename: "{app}\leerwinkel.exe"; IconFilename: "{app}\leerwinkel.exe"
Name: "{group}\Leerwinkel Intake (opdrachtregel)"; Filename: "{cmd}"; Parameters: "/k ""{app}\leerwinkel-cli.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,Leerwinkel Intake}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Leerwinkel Intake"; Filename: "{app}\leerwinkel.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\leerwinkel.exe"; Description: "{cm:LaunchProgram,Leerwinkel Intake}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folder: the data, keys.json and backups stay after uninstalling.
