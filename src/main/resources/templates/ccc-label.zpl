^XA
^FX CCC label, 50 x 30 mm at 8 dots/mm: code in Data Matrix, CCC certificate number and product data
^CI28
^PW400
^LL240
^FO16,16^BXN,5,200,,,,#,1^FD{{code}}^FS
^FO150,14^A@N,20,20,E:CJK.TTF^FB240,1,0,L^FDCCC 证书编号：^FS
^FO150,40^A0N,22,16^FB240,1,0,L^FD{{cccNumber}}^FS
^FO150,70^A@N,20,20,E:CJK.TTF^FB240,2,2,L^FD{{productName}}^FS
^FO150,118^A@N,20,20,E:CJK.TTF^FB240,1,0,L^FD型号：{{specification}}^FS
^FO150,144^A@N,20,20,E:CJK.TTF^FB240,2,2,L^FD{{producerName}}^FS
^FO16,200^A0N,20,14^FB370,1,0,L^FD{{code}}^FS
^XZ
