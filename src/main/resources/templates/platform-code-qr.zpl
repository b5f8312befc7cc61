^XA
^FX 数字身份码 / 质溯码 label, 40 x 30 mm at 8 dots/mm: the platform-issued opaque code in QR
^CI28
^PW320
^LL240
^FO10,10^BQN,2,3^FD{{code}}^FS
^FO150,14^A@N,18,16,E:CJK.TTF^FB160,2,2,L^FD{{platformName}}^FS
^FO150,64^A@N,20,20,E:CJK.TTF^FB160,3,2,L^FD{{productName}}^FS
^FO10,184^A0N,18,12^FB300,2,2,L^FD{{code}}^FS
^XZ
