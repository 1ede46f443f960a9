; Inno Setup script for the PyInstaller folder built by packaging/leerwinkel.spec (run on Windows).
[Setup]
AppName=Leerwinkel Intake
AppVersion=0.1.0
DefaultDirName={autopf}\Leerwinkel Intake
DefaultGroupName=Leerwinkel Intake
OutputBaseFilename=LeerwinkelIntake-Setup
PrivilegesRequired=lowest
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Files]
Source: "..\dist\leerwinkel\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\Leerwinkel Intake"; Filename: "{app}\leerwinkel.exe"
